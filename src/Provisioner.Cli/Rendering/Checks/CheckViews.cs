using System.Globalization;
using Provisioner.Core.Checks;
using Provisioner.Core.Health;
using Spectre.Console;

namespace Provisioner.Cli.Rendering.Checks;

/// <summary><c>provision check</c>'s results for people (a table and a summary line) and for programs (JSON).</summary>
internal static class CheckViews
{
    public static Table Table(FleetCheckResult result)
    {
        var table = new Table().AddColumns("TENANT", "VERSION", "STATUS", "CHECKS", "SLOWEST", "FAILING CHECK / WHY");
        foreach (var t in result.Tenants)
        {
            var ran = t.State is TenantCheckState.Up or TenantCheckState.Down;
            table.AddRow(
                Cell.Escape(t.Tenant),
                Cell.Escape($"{t.Product}@{t.Version}"),
                State(t.State),
                ran ? $"{t.Passed}/{t.Checks.Count}" : "-",
                t.Slowest is { } s ? Cell.Escape(Slowest(s)) : "-",
                Cell.Escape(Why(t)));
        }

        return table;
    }

    public static string Summary(FleetCheckResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Up} up, {r.Down} down, {r.Unknown} unknown, {r.Skipped} skipped; checked in {r.Elapsed.TotalSeconds:0.0} s at {r.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");

    /// <summary>Why a tenant is not up: its failing check and what it saw, or why nobody looked ("-" when up).</summary>
    public static string Why(TenantCheck t) => t.Healthy ? "-" : t.Reason ?? "-";

    /// <summary>The slowest check as <c>1421 ms db:sql select 1</c>.</summary>
    public static string Slowest(CheckOutcome check) => $"{Ms(check.Duration)} {check.Name}";

    public static string Ms(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");

    public static object Json(FleetCheckResult r) => new
    {
        at = r.At,
        elapsedSeconds = Math.Round(r.Elapsed.TotalSeconds, 3),
        up = r.Up,
        down = r.Down,
        unknown = r.Unknown,
        skipped = r.Skipped,
        exitCode = r.ExitCode,
        tenants = r.Tenants.Select(t => new
        {
            tenant = t.Tenant,
            product = t.Product,
            version = t.Version,
            size = t.Size,
            backend = t.Backend,
            state = t.State,
            reason = t.Reason,
            passed = t.Passed,
            total = t.Checks.Count,
            failingCheck = t.FailingCheck?.Name,
            lastSuccess = r.LastSuccess(t.Tenant),
            checks = t.Checks.Select(Check),
        }),
    };

    private static object Check(CheckOutcome c) => new { name = c.Name, status = c.Status, latencyMs = Math.Round(c.Duration.TotalMilliseconds, 1), output = c.Output };

    private static string State(string state) => state switch
    {
        TenantCheckState.Up => "[green]up[/]",
        TenantCheckState.Down => "[red]DOWN[/]",
        _ => $"[yellow]{Cell.Escape(state)}[/]",
    };
}
