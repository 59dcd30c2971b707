using NuGet.Versioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>How one tenant is upgraded on its backend: Docker backs the database up and restores it on failure
/// (<see cref="TenantUpgrader"/>); a backend that rolls its own containers out does less (<see cref="RolloutUpgrader"/>).</summary>
public interface ITenantUpgrade
{
    /// <summary>The backends (<c>docker</c>, <c>aws</c>) whose tenants this can upgrade; the fleet plan leaves the others out.</summary>
    IReadOnlyCollection<string> Backends { get; }

    Task<TenantUpgradeResult> UpgradeAsync(string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct);

    /// <summary>Brings a tenant left mid-upgrade to a consistent state; with <paramref name="retryNeedsAttention"/>, retries a failed rollback.</summary>
    Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct);
}
