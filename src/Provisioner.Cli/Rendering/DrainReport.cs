using System.Globalization;
using Provisioner.Core.Hosts;
using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary><c>provision host drain</c>: a table of the tenants moved, a summary line saying what to do next, or JSON.</summary>
internal static class DrainReport
{
    public static void Render(HostDrainResult r, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(new
            {
                host = r.Host,
                drained = r.Drained,
                moved = r.Moved,
                failed = r.Failed,
                seconds = Math.Round(r.Elapsed.TotalSeconds, 1),
                tenants = r.Tenants.Select(t => new
                {
                    tenant = t.Tenant, from = t.From, to = t.To, outcome = t.Outcome, backup = t.Backup, checksumsMatch = t.Outcome == TenantMove.Moved ? t.ChecksumsMatch : (bool?)null,
                    checksums = t.ChecksumsAfter, downtimeSeconds = Math.Round(t.Downtime.TotalSeconds, 1), seconds = Math.Round(t.Elapsed.TotalSeconds, 1), reason = t.Reason,
                }),
            });
            return;
        }

        if (r.Tenants.Count > 0)
        {
            var table = new Table().AddColumns("TENANT", "FROM", "TO", "OUTCOME", "DATA", "WRITERS STOPPED", "TIME", "WHY");
            foreach (var t in r.Tenants)
            {
                table.AddRow(
                    Cell.Escape(t.Tenant), Cell.Escape(t.From), Cell.Escape(t.To ?? "-"),
                    t.Outcome switch { TenantMove.Moved => "[green]moved[/]", TenantMove.Failed => "[red]failed[/]", _ => Cell.Escape(t.Outcome) },
                    Cell.Escape(t.Outcome != TenantMove.Moved ? "-" : t.ChecksumsMatch ? $"{t.ChecksumsAfter.Count} checksum(s) identical" : t.Reason ?? "checksums DIFFER"),
                    Cell.Escape(Seconds(t.Downtime)), Cell.Escape(Seconds(t.Elapsed)), Cell.Escape(t.Reason ?? "-"));
            }

            output.Human.Write(table);
        }

        output.Line(Summary(r));
    }

    public static string Summary(HostDrainResult r)
    {
        var elapsed = Seconds(r.Elapsed);
        if (r.Drained)
        {
            return r.Moved == 0
                ? $"Node {r.Host} drained in {elapsed}: it held no tenant's data; its stateless work moves to other nodes now."
                : $"Node {r.Host} drained in {elapsed}: {r.Moved} tenant(s) moved with their data (checksums identical, each health-checked on its new node); its stateless work moves to other nodes now.";
        }

        var failed = r.Tenants.First(t => t.Outcome == TenantMove.Failed);
        return $"Node {r.Host} is paused, not drained: {r.Moved} tenant(s) moved, then {failed.Tenant} failed. Fix what its line says and run `provision host drain {r.Host}` again: moved tenants are skipped, an interrupted one is finished from its backup.";
    }

    private static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s");
}
