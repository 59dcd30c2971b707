namespace Provisioner.Core.Upgrades;

/// <summary>One tenant's upgrade: from and to, how it ended and why, with the failing check and log lines when it failed.</summary>
public sealed record TenantUpgradeResult(
    string Tenant,
    string From,
    string To,
    string Outcome,
    string? Reason,
    string? FailingCheck,
    string? LogTail,
    string? Backup,
    TimeSpan Duration)
{
    /// <summary>On a rollback: whether the data was restored from the backup, or left as the failed version left it (a backend that only rolls out).</summary>
    public bool DatabaseRestored { get; init; } = true;

    /// <summary>
    /// How long the tenant was down: from its writers being stopped for the backup until the new version passed its
    /// health gate (upgraded), or until the previous version was back (rolled back: an upper bound, as the new version may
    /// have served between its gate and the failure); null when nothing was stopped.
    /// </summary>
    public TimeSpan? Downtime { get; init; }

    /// <summary>
    /// How it ran: <see cref="UpgradePaths.Quiet"/> (beside the old version, switched at the edge), <see cref="UpgradePaths.InPlace"/>
    /// (migrated while the old version served, then replaced) or <see cref="UpgradePaths.StopMigrate"/>; null when nothing ran.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>The wave it ran in (0 = canary); set by the fleet.</summary>
    public int Wave { get; init; }

    public bool Succeeded => Outcome is UpgradeOutcome.Upgraded or UpgradeOutcome.Current;

    /// <summary>Counts against <c>--max-failures</c>: rolled back, needs attention, or failed before anything changed.</summary>
    public bool IsFailure => Outcome is UpgradeOutcome.RolledBack or UpgradeOutcome.NeedsAttention or UpgradeOutcome.Failed;
}
