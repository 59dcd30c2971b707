using Provisioner.Core.Upgrades;

namespace Provisioner.Cli.Reports;

/// <summary>The JSON shape of an upgrade's result (<c>--json</c> and <c>--report report.json</c>).</summary>
internal static class UpgradeReport
{
    public static object Of(FleetResult r) => new
    {
        product = r.Plan.Product,
        to = r.Plan.To,
        succeeded = r.Succeeded,
        halted = r.Halted,
        haltReason = r.HaltReason,
        resumed = r.Resumed,
        fleetOperation = r.Operation,
        durationSeconds = Math.Round(r.Duration.TotalSeconds, 3),
        counts = r.Tenants.GroupBy(t => t.Outcome).ToDictionary(g => g.Key, g => g.Count()),
        waves = r.Plan.Waves.Select(w => new { number = w.Number, label = w.Label, tenants = w.Tenants.Select(t => t.Tenant) }),
        tenants = r.Tenants.Select(Tenant),
        waiting = Waiting(r.Plan),
        excluded = r.Plan.Excluded,
    };

    public static object Plan(FleetPlan p) => new
    {
        dryRun = true,
        product = p.Product,
        to = p.To,
        waves = p.Waves.Select(w => new { number = w.Number, label = w.Label, tenants = w.Tenants }),
        waiting = Waiting(p),
        excluded = p.Excluded,
        steps = p.Steps,
    };

    /// <summary>Tenants left for their maintenance window: each with its window and when it opens (also in <c>excluded</c>).</summary>
    private static IEnumerable<object> Waiting(FleetPlan p) =>
        p.Excluded.Where(e => e.WaitingUntil is not null).Select(e => new { tenant = e.Tenant, version = e.Version, outcome = "waiting", window = e.Window, opensAt = e.WaitingUntil });

    private static object Tenant(TenantUpgradeResult t) => new
    {
        tenant = t.Tenant,
        from = t.From,
        to = t.To,
        outcome = t.Outcome,
        wave = t.Wave,
        reason = t.Reason,
        failingCheck = t.FailingCheck,
        logTail = t.LogTail,
        backup = t.Backup,
        durationSeconds = Math.Round(t.Duration.TotalSeconds, 3),
        downtimeSeconds = t.Downtime is { } down ? Math.Round(down.TotalSeconds, 3) : (double?)null,
        path = t.Path,
    };
}
