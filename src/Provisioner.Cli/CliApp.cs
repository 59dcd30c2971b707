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
            globals.Json, globals.Verbose, globals.Config,
            TenantCommand.Create(globals),
            ListCommand.Create(globals),
            StatusCommand.Create(globals),
            DestroyCommand.Create(globals),
            TemplatesCommand.Create(globals),
        };

        var parse = root.Parse(args);
        var json = parse.GetValue(globals.Json);
        if (parse.Errors.Count > 0)
        {
            return Fail(json, new BadInputException(parse.Errors[0].Message, "run `provision --help` for usage"), verbose: false);
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Fail(json, e, parse.GetValue(globals.Verbose));
        }
    }

    private static int Fail(bool json, Exception e, bool verbose)
    {
        var (code, message, hint) = e switch
        {
            ProvisionerException p => (p.ExitCode, p.Message, p.Hint),
            OperationCanceledException => (ExitCodes.Failed, "cancelled", "rerun the same command to converge"),
            _ => (ExitCodes.Failed, $"unexpected error: {e.Message}", "rerun with --verbose for details; the log is in $PROVISIONER_HOME/logs"),
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
            Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { error = message, hint, exitCode = code }));
        }

        return code;
    }
}
