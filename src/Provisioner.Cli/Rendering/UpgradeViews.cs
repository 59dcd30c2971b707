using System.Globalization;
using Provisioner.Cli.Reports;
using Provisioner.Core.Upgrades;
using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary>How <c>provision upgrade</c> shows its plan and result, and writes its reports.</summary>
internal static class UpgradeViews
{
    public static void RenderPlan(FleetPlan plan, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(UpgradeReport.Plan(plan));
            return;
        }

        output.Line(plan.TenantCount == 0
            ? $"Dry run: nothing to upgrade to {plan.Product}@{plan.To}."
            : $"Dry run: {plan.TenantCount} tenant(s) to {plan.Product}@{plan.To} in {plan.Waves.Count} wave(s); nothing was changed.");
        var rows = plan.Waves.SelectMany(w => w.Tenants.Select(t => new[] { w.Label, t.Tenant, t.From, t.To, t.Path ?? "-" }))
            .Concat(plan.Excluded.Select(e => new[] { e.WaitingUntil is null ? "skipped" : "waiting", e.Tenant, e.Version, e.Reason, "" }))
            .ToList();
        string[] headers = ["Wave", "Tenant", "From", "To", "Path"];
        if (rows.Count >= PlainTable.From)
        {
            PlainTable.Write(output, headers, rows);
        }
        else if (rows.Count > 0)
        {
            var table = new Table().AddColumns(headers);
            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(Cell.Escape)]);
            }

            output.Human.Write(table);
        }

        if (plan.TenantCount == 0)
        {
            return;
        }

        output.Line("Each tenant:");
        foreach (var step in plan.Steps)
        {
            output.Line($"  - {step}");
        }

        var paths = plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Path).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (paths.Count > 0)
        {
            output.Line($"Path (per tenant, above): {string.Join("; ", paths.Select(PathText))}.");
        }
    }

    /// <summary>What each upgrade path means, in one phrase, for the dry run's legend.</summary>
    private static string PathText(string path) => path switch
    {
        UpgradePaths.Quiet => "quiet = migrated while the old version serves, the new one started beside it and switched to at the edge (no downtime)",
        UpgradePaths.InPlace => "quiet-in-place = migrated while the old version serves, then replaced in place (down only for the swap)",
        UpgradePaths.StopMigrate => "stop-migrate = writers stopped for the backup and the migration (the steps above)",
        _ => path,
    };

    public static void Render(FleetResult r, CliOutput output)
    {
        if (output.Json)
        {
            output.WriteJson(UpgradeReport.Of(r));
            return;
        }

        var waiting = r.Plan.Excluded.Where(e => e.WaitingUntil is not null).ToList();
        if (r.Tenants.Count > 0 || waiting.Count > 0)
        {
            var table = new Table().AddColumns("Tenant", "Wave", "From", "To", "Outcome", "Time", "Reason");
            foreach (var t in r.Tenants)
            {
                table.AddRow(
                    Cell.Escape(t.Tenant), Cell.Escape(t.Wave == 0 ? "canary" : $"wave {t.Wave}"), Cell.Escape(t.From), Cell.Escape(t.To), Cell.Status(t.Outcome),
                    Cell.Escape($"{t.Duration.TotalSeconds:0.0} s"), Cell.Escape(t.Reason ?? ""));
            }

            foreach (var w in waiting)
            {
                table.AddRow(
                    Cell.Escape(w.Tenant), "-", Cell.Escape(w.Version), Cell.Escape(r.Plan.To), Cell.Status("waiting"), "-",
                    Cell.Escape($"window {w.Window} opens {Core.Maintenance.WindowText.Instant(w.WaitingUntil!.Value)}"));
            }

            output.Human.Write(table);
        }

        var counts = string.Join(", ", r.Tenants.GroupBy(t => t.Outcome).Select(g => $"{g.Count()} {g.Key}"));
        foreach (var blocked in r.Plan.Excluded.Where(e => e.Blocking))
        {
            output.Line($"Not upgradable: {blocked.Tenant} ({blocked.Version}): {blocked.Reason}");
        }

        var waits = waiting.Count == 0 ? "" : $" {waiting.Count} waiting for their maintenance window (--ignore-windows to upgrade them now).";
        output.Line((r.Tenants.Count == 0
            ? $"Nothing to upgrade to {r.Plan.Product}@{r.Plan.To} ({r.Plan.Excluded.Count} tenant(s) skipped{(r.Succeeded ? "" : ", some of them not upgradable")})."
            : r.Succeeded
                ? $"Upgraded to {r.Plan.Product}@{r.Plan.To}: {counts} in {r.Duration.TotalSeconds:0.0} s."
                : $"Upgrade to {r.Plan.Product}@{r.Plan.To} incomplete: {counts} in {r.Duration.TotalSeconds:0.0} s.{(r.HaltReason is null ? "" : $" Halted: {r.HaltReason}.")}") + waits);
        if (DowntimeLine(r.Tenants) is { } down)
        {
            output.Line(down);
        }

        foreach (var t in r.Tenants.Where(t => t.LogTail is not null))
        {
            output.Line($"--- {t.Tenant}: failing check {t.FailingCheck ?? "-"}; last log lines:");
            output.Line(t.LogTail!);
        }
    }

    /// <summary>
    /// How long tenants were down (writers stopped, or the app swapped, until the new version passed its gate, or the old one was back): each
    /// of up to five, else the median and the longest; null when none was stopped.
    /// </summary>
    internal static string? DowntimeLine(IReadOnlyList<TenantUpgradeResult> tenants)
    {
        var down = tenants.Where(t => t.Downtime is not null).Select(t => (t.Tenant, Seconds: t.Downtime!.Value.TotalSeconds, t.Path)).ToList();
        if (down.Count == 0)
        {
            return null;
        }

        const string What = "customers not served: from the writers' stop for the backup (stop-migrate) or the app's swap (quiet-in-place) until the new version passed its health gate, or the previous one was back; quiet: none";
        if (down.Count <= 5)
        {
            return $"Downtime ({What}): {string.Join(", ", down.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Tenant} {d.Seconds:0.0} s{(d.Path is null ? "" : $" ({d.Path})")}")))}.";
        }

        var sorted = down.OrderBy(d => d.Seconds).ToList();
        var longest = sorted[^1];
        return string.Create(CultureInfo.InvariantCulture, $"Downtime ({What}): median {sorted[sorted.Count / 2].Seconds:0.0} s, longest {longest.Seconds:0.0} s ({longest.Tenant}), over {down.Count} tenant(s).");
    }

    public static void WriteReport(FleetResult r, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (full.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            // UTF-8 without a byte-order mark: some CI parsers reject one.
            using var writer = System.Xml.XmlWriter.Create(full, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true });
            JUnitReport.Of(r).Save(writer);
        }
        else
        {
            File.WriteAllText(full, JsonView.Serialize(UpgradeReport.Of(r)));
        }
    }
}
