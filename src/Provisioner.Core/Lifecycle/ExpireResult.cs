namespace Provisioner.Core.Lifecycle;

/// <summary>What <c>provision expire</c> did at <see cref="At"/>: every tenant whose expiry had passed, and how many others have one.</summary>
public sealed record ExpireResult(DateTimeOffset At, bool DryRun, IReadOnlyList<ExpiredTenant> Tenants, int NotYetExpired)
{
    public bool AllRemoved => Tenants.All(t => t.Outcome is ExpiredTenant.Removed or ExpiredTenant.WouldRemove or ExpiredTenant.Skipped);
}
