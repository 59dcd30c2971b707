using System.CommandLine;
using Provisioner.Cli.Rendering;
using Spectre.Console;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision list</c>: every tenant the registry knows, from the registry alone (fast at thousands of tenants).</summary>
internal static class ListCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("list", "List tenants with their status, template, size and endpoint");
        command.Aliases.Add("ls");
        command.SetHandler(globals, async (_, services, output, ct) =>
        {
            var tenants = await services.Provisioner.ListAsync(ct);
            if (await services.Provisioner.ActiveFreezeAsync(ct) is { } freeze)
            {
                // With --json the banner goes to stderr: stdout stays the array of tenants other tools read.
                if (output.Json)
                {
                    output.Progress(FreezeViews.Banner(freeze));
                }
                else
                {
                    output.Line(FreezeViews.Banner(freeze));
                }
            }

            if (output.Json)
            {
                output.WriteJson(tenants.Select(Views.Tenant));
                return 0;
            }

            if (tenants.Count == 0)
            {
                output.Line("No tenants yet. Create one with `provision tenant <name>`.");
                return 0;
            }

            var now = services.Time.GetUtcNow();
            var expiring = tenants.Any(t => t.ExpiresAt is not null);
            var windows = tenants.Any(t => t.MaintenanceWindow is not null);
            var table = new Table().AddColumns("NAME", "STATUS", "TEMPLATE", "SIZE", "HOST", "ENDPOINT", "UPDATED");
            if (expiring)
            {
                table.AddColumn("EXPIRES");
            }

            if (windows)
            {
                table.AddColumn("WINDOW");
            }

            foreach (var t in tenants)
            {
                var cells = new List<string>
                {
                    Cell.Escape(t.Name), Cell.Status(t.Status), Cell.Escape(t.TemplateRef + (t.PinnedVersion is null ? "" : $" (pinned {t.PinnedVersion})")), Cell.Escape(t.Size), Cell.Escape(t.Host),
                    Cell.Escape(t.Endpoint ?? "-"), Cell.Escape(t.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                };
                if (expiring)
                {
                    cells.Add(Cell.Escape(TimeLeft.Text(t.ExpiresAt, now)));
                }

                if (windows)
                {
                    cells.Add(Cell.Escape(WindowViews.Text(t, now)));
                }

                table.AddRow(cells.ToArray());
            }

            output.Human.Write(table);
            return 0;
        });
        return command;
    }
}
