namespace Provisioner.Core.Upgrades;

/// <summary>
/// How a quiet upgrade ended, for <see cref="TenantUpgrader"/> to turn into its result: the outcome (Upgraded, RolledBack
/// or NeedsAttention), why, the failing check and log lines, how long customers were not served (null: unknown), whether
/// the backup was restored, and the path it took (<see cref="UpgradePaths.Quiet"/> or <see cref="UpgradePaths.InPlace"/>).
/// </summary>
internal sealed record QuietUpgradeEnd(
    string Outcome,
    string? Reason,
    string? FailingCheck,
    string? LogTail,
    TimeSpan? Downtime,
    bool DatabaseRestored,
    string Path);
