using System.Globalization;
using Provisioner.Core.Drift;
using Spectre.Console;

namespace Provisioner.Cli.Rendering.Drift;

/// <summary><c>provision drift</c> and <c>provision reconcile</c> as tables, summaries and JSON.</summary>
internal static class DriftViews
{
    public static Table Findings(DriftReport r)
    {
        var table = new Table().AddColumns("TENANT", "DRIFT", "RESOURCE", "WHAT DIFFERS");
        foreach (var f in r.Findings)
        {
            table.AddRow(Cell.Escape(f.Tenant), $"[yellow]{Cell.Escape(f.Kind)}[/]", Cell.Escape(f.Resource), Cell.Escape(f.Detail));
        }

        return table;
    }

    public static string Summary(DriftReport r) => r.Findings.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"No drift: {r.Compared.Count} tenant(s) as the registry and their stamps say{NotCompared(r)}; compared in {r.Elapsed.TotalSeconds:0.0} s.")
        : string.Create(CultureInfo.InvariantCulture, $"Drift: {r.Findings.Count} difference(s) in {r.Drifted} tenant(s) ({r.Compared.Count} compared{NotCompared(r)}) in {r.Elapsed.TotalSeconds:0.0} s; `provision reconcile {Target(r)}` converges {(Target(r) == "--all" ? "them" : "it")}.");

    /// <summary>The one recorded tenant every difference is about (reconciled by name), else <c>--all</c>.</summary>
    private static string Target(DriftReport r) =>
        r.Findings.Select(f => f.Tenant).Distinct(StringComparer.Ordinal).ToList() is [var only] && r.Compared.Contains(only) ? only : "--all";

    public static object Json(DriftReport r) => new
    {
        drift = r.Findings.Count > 0,
        findings = r.Findings.Select(f => new { tenant = f.Tenant, kind = f.Kind, resource = f.Resource, detail = f.Detail }),
        compared = r.Compared,
        notCompared = r.NotCompared,
        seconds = Math.Round(r.Elapsed.TotalSeconds, 1),
    };

    public static Table Outcomes(ReconcileReport r)
    {
        var table = new Table().AddColumns("TENANT", "OUTCOME", "CHANGES", "TIME", "DONE / WHY");
        foreach (var t in r.Tenants)
        {
            var done = t.Reason ?? (t.Changes.Count == 0 ? "-" : string.Join("; ", t.Changes));
            table.AddRow(
                Cell.Escape(t.Tenant), Outcome(t.Outcome), t.Changes.Count.ToString(CultureInfo.InvariantCulture),
                Cell.Escape(string.Create(CultureInfo.InvariantCulture, $"{t.Elapsed.TotalSeconds:0.0} s")), Cell.Escape(done));
        }

        return table;
    }

    public static string Summary(ReconcileReport r)
    {
        var counts = new[] { ReconcileOutcome.Converged, ReconcileOutcome.Unchanged, ReconcileOutcome.Cleaned, ReconcileOutcome.Unhealthy, ReconcileOutcome.FailedOutcome, ReconcileOutcome.Skipped }
            .Select(o => (Outcome: o, Count: r.Count(o))).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Outcome}");
        return string.Create(CultureInfo.InvariantCulture, $"Reconciled {r.Tenants.Count} tenant(s): {string.Join(", ", counts)} in {r.Elapsed.TotalSeconds:0.0} s ({r.Parallel} at a time).");
    }

    public static object Json(ReconcileReport r) => new
    {
        tenants = r.Tenants.Select(t => new { tenant = t.Tenant, outcome = t.Outcome, changes = t.Changes, reason = t.Reason, seconds = Math.Round(t.Elapsed.TotalSeconds, 1) }),
        parallel = r.Parallel,
        seconds = Math.Round(r.Elapsed.TotalSeconds, 1),
        exitCode = r.ExitCode,
    };

    private static string NotCompared(DriftReport r) => r.NotCompared.Count == 0 ? "" : $", {r.NotCompared.Count} not compared";

    private static string Outcome(string outcome) => outcome switch
    {
        ReconcileOutcome.Converged or ReconcileOutcome.Unchanged or ReconcileOutcome.Cleaned => $"[green]{outcome}[/]",
        ReconcileOutcome.FailedOutcome or ReconcileOutcome.Unhealthy => $"[red]{outcome}[/]",
        _ => Cell.Escape(outcome),
    };
}
