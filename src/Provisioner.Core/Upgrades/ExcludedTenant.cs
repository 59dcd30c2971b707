namespace Provisioner.Core.Upgrades;

/// <summary>
/// A tenant a fleet upgrade leaves alone, and why. <see cref="Blocking"/> when it was targeted but cannot be upgraded
/// (needs attention, failed, newer, another backend): the upgrade then does not count as complete.
/// </summary>
public sealed record ExcludedTenant(string Tenant, string Version, string Reason, bool Blocking = false)
{
    /// <summary>The tenant's status in the registry when the plan was made.</summary>
    public string? Status { get; init; }

    /// <summary>Set when the tenant is only waiting for its maintenance window: when the window next opens.</summary>
    public DateTimeOffset? WaitingUntil { get; init; }

    /// <summary>The tenant's maintenance window (its text), when it has one and is waiting for it.</summary>
    public string? Window { get; init; }
}
