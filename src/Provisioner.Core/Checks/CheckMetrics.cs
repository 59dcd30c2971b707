using System.Globalization;
using System.Text;
using Provisioner.Core.Health;

namespace Provisioner.Core.Checks;

/// <summary>
/// A check run as OpenMetrics text, for the Prometheus node exporter's textfile collector (and anything else that reads
/// the format): per tenant whether it is up, each check's latency and result, the last time it passed everything and
/// what it runs. Every family has # HELP and # TYPE; the text ends with <c># EOF</c>. Label values are escaped.
/// </summary>
public static class CheckMetrics
{
    private const string P = "provision_";

    public static string Render(FleetCheckResult result)
    {
        var checkedTenants = result.Tenants.Where(t => t.State is TenantCheckState.Up or TenantCheckState.Down).ToList();
        var looked = result.Tenants.Where(t => t.State != TenantCheckState.Skipped).ToList();
        var sb = new StringBuilder();

        Family(sb, "tenant_info", "gauge", null, "What each tenant runs and what the last check concluded (state: up, down or unknown); always 1.");
        foreach (var t in looked)
        {
            Sample(sb, "tenant_info", Labels(t, ("state", t.State)), 1);
        }

        Family(sb, "tenant_up", "gauge", null, "1 when every check and journey of the tenant passed in the last run, else 0.");
        foreach (var t in checkedTenants)
        {
            Sample(sb, "tenant_up", Labels(t), t.Healthy ? 1 : 0);
        }

        Family(sb, "tenant_checks_passed", "gauge", null, "Checks and journeys of the tenant that passed in the last run.");
        foreach (var t in checkedTenants)
        {
            Sample(sb, "tenant_checks_passed", Label(t.Tenant), t.Passed);
        }

        Family(sb, "tenant_checks", "gauge", null, "Checks and journeys the tenant's template declares.");
        foreach (var t in checkedTenants)
        {
            Sample(sb, "tenant_checks", Label(t.Tenant), t.Checks.Count);
        }

        Family(sb, "check_up", "gauge", null, "1 when the check or journey passed in the last run, else 0 (failed or not run).");
        foreach (var (t, c) in Checks(checkedTenants))
        {
            Sample(sb, "check_up", Label(t.Tenant, ("check", c.Name)), c.Passed ? 1 : 0);
        }

        Family(sb, "check_latency_seconds", "gauge", "seconds", "How long the check or journey took in the last run.");
        foreach (var (t, c) in Checks(checkedTenants).Where(x => x.Check.Status != CheckStatus.NotRun))
        {
            Sample(sb, "check_latency_seconds", Label(t.Tenant, ("check", c.Name)), c.Duration.TotalSeconds);
        }

        Family(sb, "tenant_last_success_timestamp_seconds", "gauge", "seconds", "When the tenant last passed every check (Unix time), as far as the kept history goes.");
        foreach (var t in checkedTenants)
        {
            if (result.LastSuccess(t.Tenant) is { } last)
            {
                Sample(sb, "tenant_last_success_timestamp_seconds", Label(t.Tenant), last.ToUnixTimeMilliseconds() / 1000.0);
            }
        }

        Family(sb, "check_run_timestamp_seconds", "gauge", "seconds", "When this check run started (Unix time).");
        Sample(sb, "check_run_timestamp_seconds", "", result.At.ToUnixTimeMilliseconds() / 1000.0);
        Family(sb, "check_run_duration_seconds", "gauge", "seconds", "How long this check run took.");
        Sample(sb, "check_run_duration_seconds", "", result.Elapsed.TotalSeconds);
        sb.Append("# EOF\n");
        return sb.ToString();
    }

    /// <summary>A label value as the text formats want it: backslash, double quote and newline escaped.</summary>
    public static string Escape(string value) => value.Replace("\\", @"\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    // A template could name two checks alike; a repeated label set is invalid, so the first one counts.
    private static IEnumerable<(TenantCheck Tenant, CheckOutcome Check)> Checks(IEnumerable<TenantCheck> tenants) =>
        tenants.SelectMany(t => t.Checks.DistinctBy(c => c.Name, StringComparer.Ordinal).Select(c => (t, c)));

    private static string Labels(TenantCheck t, params (string Name, string Value)[] more) =>
        Label(t.Tenant, [("product", t.Product), ("version", t.Version), ("size", t.Size), ("backend", t.Backend), .. more]);

    private static string Label(string tenant, params (string Name, string Value)[] more) =>
        "{" + string.Join(",", new[] { ("tenant", tenant) }.Concat(more).Select(l => $"{l.Item1}=\"{Escape(l.Item2)}\"")) + "}";

    private static void Family(StringBuilder sb, string name, string type, string? unit, string help)
    {
        sb.Append("# HELP ").Append(P).Append(name).Append(' ').Append(help).Append('\n');
        sb.Append("# TYPE ").Append(P).Append(name).Append(' ').Append(type).Append('\n');
        if (unit is not null)
        {
            sb.Append("# UNIT ").Append(P).Append(name).Append(' ').Append(unit).Append('\n');
        }
    }

    private static void Sample(StringBuilder sb, string name, string labels, double value) =>
        sb.Append(P).Append(name).Append(labels).Append(' ').Append(Number(value)).Append('\n');

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
}
