namespace Provisioner.Core.Upgrades;

/// <summary>How one tenant's upgrade ended, as named in reports.</summary>
public static class UpgradeOutcome
{
    /// <summary>Runs the new version and passed the health gate and the monitor window.</summary>
    public const string Upgraded = "upgraded";

    /// <summary>Already on the target version; nothing done.</summary>
    public const string Current = "current";

    /// <summary>Failed after the backup; the database was restored and the old version runs healthy.</summary>
    public const string RolledBack = "rolled-back";

    /// <summary>The rollback itself failed; the fleet stops and a person must look.</summary>
    public const string NeedsAttention = "needs-attention";

    /// <summary>Failed before anything changed (preflight, backup, lock); the tenant still runs its old version.</summary>
    public const string Failed = "failed";

    /// <summary>Not started because the fleet halted first; the tenant still runs its old version.</summary>
    public const string NotReached = "not-reached";
}
