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

    /// <summary>The wave it ran in (0 = canary); set by the fleet.</summary>
    public int Wave { get; init; }

    public bool Succeeded => Outcome is UpgradeOutcome.Upgraded or UpgradeOutcome.Current;

    /// <summary>Counts against <c>--max-failures</c>: rolled back, needs attention, or failed before anything changed.</summary>
    public bool IsFailure => Outcome is UpgradeOutcome.RolledBack or UpgradeOutcome.NeedsAttention or UpgradeOutcome.Failed;
}
