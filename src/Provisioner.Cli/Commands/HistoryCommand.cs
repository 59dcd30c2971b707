using System.CommandLine;
using System.Globalization;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Spectre.Console;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision history [NAME] [--limit N]</c>: the audit log — who ran which mutating command, when, and how it ended.</summary>
internal static class HistoryCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string?>("name") { Description = "Only the commands that named this tenant", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "How many entries, newest first (default 50)", DefaultValueFactory = _ => 50 };
        var command = new Command("history", "Who changed what and when: every mutating command, its outcome and duration (newest first)") { name, limit };
        command.SetHandler(globals, async (parse, services, output, ct) =>
        {
            var tenant = parse.GetValue(name) is { } given ? TenantName.Validate(given) : null;
            var count = parse.GetValue(limit);
            if (count < 1)
            {
                throw new BadInputException($"--limit must be at least 1, got {count}", "e.g. --limit 20");
            }

            var entries = await services.Provisioner.HistoryAsync(tenant, count, ct);
            if (output.Json)
            {
                output.WriteJson(entries.Select(e => new
                {
                    at = e.At, user = e.User, host = e.Host, command = e.Command, tenant = e.Tenant, exitCode = e.ExitCode, error = e.Error, durationMs = e.DurationMs,
                }));
                return 0;
            }

            if (entries.Count == 0)
            {
                output.Line(tenant is null ? "No mutating command has been recorded yet." : $"No mutating command has named {tenant} yet.");
                return 0;
            }

            var table = new Table().AddColumns("WHEN (UTC)", "WHO", "COMMAND", "OUTCOME", "TOOK");
            foreach (var e in entries)
            {
                table.AddRow(
                    Cell.Escape(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    Cell.Escape($"{e.User}@{e.Host}"),
                    Cell.Escape(e.Command),
                    e.ExitCode == 0 ? "[green]ok[/]" : $"[red]exit {e.ExitCode}[/]{Cell.Escape(e.Error is null ? "" : $": {e.Error}")}",
                    Cell.Escape($"{e.DurationMs / 1000.0:0.0} s"));
            }

            output.Human.Write(table);
            return 0;
        });
        return command;
    }
}
