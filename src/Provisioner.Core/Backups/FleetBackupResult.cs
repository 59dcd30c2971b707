namespace Provisioner.Core.Backups;

/// <summary><c>provision backup --all</c>: one outcome per tenant, in name order.</summary>
public sealed record FleetBackupResult(IReadOnlyList<TenantBackupOutcome> Tenants, int Parallel, TimeSpan Elapsed)
{
    public int Failed => Tenants.Count(t => t.Outcome == TenantBackupOutcome.FailedOutcome);
}
