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
            var output = new CliOutput(Console.Out, Console.Error, parse.GetValue(globals.Json));
            using var services = new CliServices(parse.GetValue(globals.Config), parse.GetValue(globals.Verbose));
            var path = Audit.MutatingCommands.PathOf(parse.CommandResult.Command);
            if (!Audit.MutatingCommands.Contains(path) || WindowCommand.IsRead(parse))
            {
                return await body(parse, services, output, ct);
            }

            Core.Maintenance.FleetFreeze? forced = null;
            return await Audit.AuditRecorder.RunAsync(parse, services.Provisioner, output.Progress, async () =>
            {
                if (!Audit.MutatingCommands.IsFreezeControl(path) && !IsDryRun(parse))
                {
                    // A change while the fleet is frozen is refused (exit 3) before it touches anything, unless --force.
                    forced = await services.Provisioner.EnsureMayChangeAsync($"provision {path}", parse.GetValue(globals.Force), ct);
                    if (forced is not null)
                    {
                        output.Progress($"warning: the fleet is frozen until {Core.Maintenance.WindowText.Instant(forced.Until)} ({forced.Reason}); --force lets this command through");
                    }
                }

                return await body(parse, services, output, ct);
            }, () => forced is null ? null : $"forced through the freeze until {Core.Maintenance.WindowText.Instant(forced.Until)}: {forced.Reason}");
        });

    /// <summary>A <c>--dry-run</c> changes nothing, so a freeze does not block it.</summary>
    private static bool IsDryRun(ParseResult parse) =>
        parse.CommandResult.Command.Options.OfType<Option<bool>>().Any(o => o.Name == "--dry-run" && parse.GetValue(o));
}
