namespace Provisioner.Core.Backups;

/// <summary>One tenant in <c>backup --all</c>: backed up (with its result), skipped (no data, destroyed) or failed (with why).</summary>
public sealed record TenantBackupOutcome(string Tenant, string Outcome, BackupResult? Result, string? Reason, TimeSpan Elapsed)
{
    public const string BackedUp = "backed-up";

    public const string Skipped = "skipped";

    public const string FailedOutcome = "failed";
}
