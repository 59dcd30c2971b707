using NuGet.Versioning;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>Sends each tenant's upgrade to the upgrader of the backend it runs on (as recorded in the registry).</summary>
public sealed class UpgradeRouter(ITenantRegistry registry, IReadOnlyDictionary<string, Func<ITenantUpgrade>> byBackend) : ITenantUpgrade
{
    public IReadOnlyCollection<string> Backends => byBackend.Keys.ToList();

    public async Task<TenantUpgradeResult> UpgradeAsync(
        string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct) =>
        await (await ForAsync(name, ct)).UpgradeAsync(name, to, settings, fleetTag, progress, ct);

    public async Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct) =>
        await (await ForAsync(name, ct)).RecoverAsync(name, retryNeedsAttention, progress, ct);

    private async Task<ITenantUpgrade> ForAsync(string name, CancellationToken ct)
    {
        var tenant = await registry.RequireAsync(name, ct);
        return byBackend.TryGetValue(tenant.Backend, out var create)
            ? create()
            : throw new ProvisionerException($"{name} runs on {tenant.Backend}; `provision upgrade` has no upgrader for it (it has: {string.Join(", ", byBackend.Keys)})");
    }
}
