using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>Whether a tenant's state lets an upgrade start, the same on every backend.</summary>
internal static class UpgradeGate
{
    /// <summary>Null when the upgrade may go ahead; otherwise the outcome to report at once and why.</summary>
    public static (string Outcome, string? Reason)? Check(TenantRecord tenant, string target) => tenant switch
    {
        { Status: TenantStatus.NeedsAttention } => (UpgradeOutcome.NeedsAttention, $"needs attention: {tenant.LastError}"),
        { Status: TenantStatus.Active } when tenant.Version == target => (UpgradeOutcome.Current, null),
        { Status: not (TenantStatus.Active or TenantStatus.RolledBack) } => (UpgradeOutcome.Failed,
            $"tenant is {tenant.Status}, not Active; fix it first (`provision status {tenant.Name}`, `provision tenant {tenant.Name}`)"),
        _ => null,
    };
}
