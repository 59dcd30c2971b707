using System.CommandLine;
using Provisioner.Cli.Hosting;
using Provisioner.Cli.Rendering;

namespace Provisioner.Cli.Commands;

/// <summary>
/// Gives a command its services and output, and disposes them afterwards; a command that changes something is recorded in
/// the audit log (<see cref="Audit.AuditRecorder"/>). Errors are rendered by <see cref="CliApp"/>.
/// </summary>
internal static class CommandRunner
{
    public static void SetHandler(this Command command, GlobalOptions globals, Func<ParseResult, CliServices, CliOutput, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            // System.CommandLine registers its Ctrl+C handler only once this action has returned its task: yield first, so
            // work that happens to complete synchronously (an empty fleet's check) cannot run before Ctrl+C is handled.
            await Task.Yield();
            var output = new CliOutput(Console.Out, Console.Error, parse.GetValue(globals.Json));
            using var services = new CliServices(parse.GetValue(globals.Config), parse.GetValue(globals.Verbose));
            return Audit.MutatingCommands.Contains(Audit.MutatingCommands.PathOf(parse.CommandResult.Command))
                ? await Audit.AuditRecorder.RunAsync(parse, services.Provisioner, output.Progress, () => body(parse, services, output, ct))
                : await body(parse, services, output, ct);
        });
}
