using NuGet.Versioning;
using Provisioner.Core.Backends;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>How one tenant is upgraded on its backend: a backend that can stop components gets a verified backup of its data, restored on failure
/// (<see cref="TenantUpgrader"/>); a backend that rolls its own containers out does less (<see cref="RolloutUpgrader"/>).</summary>
public interface ITenantUpgrade
{
    /// <summary>The backends whose tenants this can upgrade, with what an upgrade does there (as a plan shows it); the fleet plan leaves others out.</summary>
    IReadOnlyDictionary<BackendKind, IReadOnlyList<string>> Steps(UpgradeSettings settings);

    Task<TenantUpgradeResult> UpgradeAsync(string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct);

    /// <summary>
    /// The way <paramref name="tenant"/>'s upgrade to <paramref name="to"/> is expected to run (<see cref="UpgradePaths"/>),
    /// read from its templates and backend without contacting anything; null when this upgrader does not say.
    /// </summary>
    string? PlannedPath(TenantRecord tenant, NuGetVersion to) => null;

    /// <summary>
    /// What <see cref="PlannedPath"/> depends on: tenants with equal keys are expected to take the same path, so a fleet plan
    /// asks once per key. Default: the tenant's name (asked for each tenant).
    /// </summary>
    object PlannedPathKey(TenantRecord tenant, NuGetVersion to) => tenant.Name;

    /// <summary>Brings a tenant left mid-upgrade to a consistent state; with <paramref name="retryNeedsAttention"/>, retries a failed rollback.</summary>
    Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct);
}
