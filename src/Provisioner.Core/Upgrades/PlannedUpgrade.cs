namespace Provisioner.Core.Upgrades;

/// <summary>One tenant in a fleet plan: its version now and the target.</summary>
public sealed record PlannedUpgrade(string Tenant, string From, string To)
{
    /// <summary>
    /// The way its upgrade is expected to run (<see cref="UpgradePaths"/>), as a dry run shows it; null when its backend
    /// does not say (it rolls its own containers out). At run time a failed online backup still falls back to stop-migrate.
    /// </summary>
    public string? Path { get; init; }
}
