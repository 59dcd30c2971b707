using Provisioner.Core.Health;

namespace Provisioner.Core.Checks;

/// <summary>
/// One run of a tenant's checks and journeys by <c>provision check</c>: when, what it concluded (<see cref="TenantCheckState"/>),
/// each check's result and latency, and in <see cref="Reason"/> the failing check and why (or why nobody looked).
/// </summary>
public sealed record TenantCheck(
    string Tenant,
    string Product,
    string Version,
    string Size,
    string Backend,
    DateTimeOffset At,
    string State,
    IReadOnlyList<CheckOutcome> Checks,
    string? Reason)
{
    public bool Healthy => State == TenantCheckState.Up;

    /// <summary>Checks that passed, out of <see cref="Checks"/>.</summary>
    public int Passed => Checks.Count(c => c.Passed);

    /// <summary>The check that took longest, if any ran.</summary>
    public CheckOutcome? Slowest => Checks.Where(c => c.Status != CheckStatus.NotRun).MaxBy(c => c.Duration);

    /// <summary>The first check that failed, if any.</summary>
    public CheckOutcome? FailingCheck => Checks.FirstOrDefault(c => c.Status == CheckStatus.Failed);
}
