namespace Provisioner.Core.Upgrades;

/// <summary>The ways one tenant's upgrade runs (<see cref="TenantUpgradeResult.Path"/>).</summary>
public static class UpgradePaths
{
    /// <summary>A compatible migration behind a gap-free switch (the edge): the new version starts beside the old one; no downtime.</summary>
    public const string Quiet = "quiet";

    /// <summary>A compatible migration without a gap-free switch: migrated while the old version served, then replaced in place.</summary>
    public const string InPlace = "quiet-in-place";

    /// <summary>A breaking migration (or data that cannot be copied online): writers stopped for the backup and the migration.</summary>
    public const string StopMigrate = "stop-migrate";
}
