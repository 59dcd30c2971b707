using Provisioner.Core.Errors;

namespace Provisioner.Core.Checks;

/// <summary>
/// One run of <c>provision check</c>: each tenant's result (by name), each checked tenant's recent history from the
/// registry (newest first, this run's result included) and the time it took.
/// </summary>
public sealed record FleetCheckResult(
    DateTimeOffset At,
    IReadOnlyList<TenantCheck> Tenants,
    IReadOnlyDictionary<string, IReadOnlyList<TenantCheck>> History,
    TimeSpan Elapsed)
{
    public int Up => Tenants.Count(t => t.State == TenantCheckState.Up);

    public int Down => Tenants.Count(t => t.State == TenantCheckState.Down);

    public int Unknown => Tenants.Count(t => t.State == TenantCheckState.Unknown);

    public int Skipped => Tenants.Count(t => t.State == TenantCheckState.Skipped);

    /// <summary>
    /// 5 (unhealthy) when any tenant is down, else 0. Unknown tenants (backend not configured here) and skipped ones do
    /// not fail the run: nobody here can look at them, and they are listed as such.
    /// </summary>
    public int ExitCode => Down > 0 ? ExitCodes.Unhealthy : ExitCodes.Ok;

    /// <summary>When <paramref name="tenant"/> last passed every check, as far as its kept history goes.</summary>
    public DateTimeOffset? LastSuccess(string tenant) =>
        History.TryGetValue(tenant, out var results) ? results.FirstOrDefault(r => r.Healthy)?.At : null;
}
