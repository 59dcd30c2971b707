using System.CommandLine;
using Provisioner.Cli.Commands;
using Provisioner.Core.Errors;

namespace Provisioner.Cli;

/// <summary>Parses the command line, runs the command and turns every error into one <c>Error:</c> line and an exit code (DESIGN.md §5).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("provision: stamp out isolated, health-checked copies of a product, one per customer")
        {
            globals.Json, globals.Verbose, globals.Config, globals.Force,
            TenantCommand.Create(globals),
            ListCommand.Create(globals),
            StatusCommand.Create(globals),
            CheckCommand.Create(globals),
            DriftCommand.Create(globals),
            ReconcileCommand.Create(globals),
            DestroyCommand.Create(globals),
            TemplatesCommand.Create(globals),
            UpgradeCommand.Create(globals),
            PinCommand.Create(globals),
            WindowCommand.Create(globals),
            FreezeCommand.Create(globals),
            UnfreezeCommand.Create(globals),
            BackupCommand.Create(globals),
            BackupsCommand.Create(globals),
            RestoreCommand.Create(globals),
            CloneCommand.Create(globals),
            SuspendCommand.Create(globals),
            ResumeCommand.Create(globals),
            RotateCommand.Create(globals),
            OffboardCommand.Create(globals),
            OffboardedCommand.Create(globals),
            RestoreOffboardedCommand.Create(globals),
            PurgeCommand.Create(globals),
            ExpireCommand.Create(globals),
            CapacityCommand.Create(globals),
            HostCommand.Create(globals),
            RegistryCommand.Create(globals),
            KeyCommand.Create(globals),
            EdgeCommand.Create(globals),
            HistoryCommand.Create(globals),
        };

        var parse = root.Parse(args);
        var json = parse.GetValue(globals.Json);
        if (parse.Errors.Count > 0)
        {
            var errors = parse.Errors.Select(e => ParseErrorText.Plain(e.Message)).OrderBy(m => m.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1);
            return Fail(json, new BadInputException(string.Join("; ", errors), "run `provision --help` for usage"), verbose: false);
        }

        try
        {
            // On Ctrl-C the token is cancelled; the operation gets 15 s to record "cancelled" before the process ends.
            using var signals = new Hosting.StopSignals(TimeSpan.FromSeconds(15));
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, signals.Token);
        }
        catch (Exception e)
        {
            return Fail(json, e, parse.GetValue(globals.Verbose));
        }
    }

    private static int Fail(bool json, Exception e, bool verbose)
    {
        e = RegistryFaults.Map(e, Hosting.CliPaths.Home()) ?? Hosting.DiskFullFault.Map(e) ?? e;
        var (code, message, hint) = e switch
        {
            ProvisionerException p => (p.ExitCode, p.Message, p.Hint),
            OperationCanceledException => (ExitCodes.Failed, "cancelled", "rerun the same command to converge"),
            _ => (ExitCodes.Failed, $"unexpected error: {e.Message}", $"rerun with --verbose for details; the log is in {Path.Combine(Hosting.CliPaths.Home(), "logs")}"),
        };

        var firstLine = message.Split('\n')[0];
        Console.Error.WriteLine($"Error: {firstLine}{(hint is null ? "" : $" ({hint})")}");
        var rest = message.Contains('\n') ? message[(message.IndexOf('\n') + 1)..] : null;
        if (rest is not null)
        {
            Console.Error.WriteLine(rest.TrimEnd());
        }

        if (verbose)
        {
            Console.Error.WriteLine(e.ToString());
        }

        // An unhealthy tenant's result was already written as JSON; one document on stdout, not two.
        if (json && e is not Core.Provisioning.TenantUnhealthyException)
        {
            Console.Out.WriteLine(Rendering.JsonView.Serialize(new { error = message, hint, exitCode = code }, indented: false));
        }

        return code;
    }
}
