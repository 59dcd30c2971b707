using NuGet.Versioning;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>Sends each tenant's upgrade to the upgrader of the backend it runs on (as recorded in the registry).</summary>
internal sealed class UpgradeRouter(ITenantRegistry registry, IReadOnlyDictionary<BackendKind, Func<ITenantUpgrade>> byBackend) : ITenantUpgrade
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<BackendKind, ITenantUpgrade?> _planners = new();

    /// <summary>
    /// The steps of every backend that is configured here. A backend that is not (a cluster backend with no manager set)
    /// has no tenants to upgrade here and is left out; a tenant recorded on it still gets that backend's own error.
    /// </summary>
    public IReadOnlyDictionary<BackendKind, IReadOnlyList<string>> Steps(UpgradeSettings settings) =>
        byBackend.Values.SelectMany(create => Configured(create)?.Steps(settings) ?? new Dictionary<BackendKind, IReadOnlyList<string>>())
            .ToDictionary(s => s.Key, s => s.Value);

    private static ITenantUpgrade? Configured(Func<ITenantUpgrade> create)
    {
        try
        {
            return create();
        }
        catch (BadInputException)
        {
            return null;
        }
    }

    public async Task<TenantUpgradeResult> UpgradeAsync(
        string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct) =>
        await (await ForAsync(name, ct)).UpgradeAsync(name, to, settings, fleetTag, progress, ct);

    public string? PlannedPath(TenantRecord tenant, NuGetVersion to) => PlannerFor(tenant.Backend)?.PlannedPath(tenant, to);

    public object PlannedPathKey(TenantRecord tenant, NuGetVersion to) => PlannerFor(tenant.Backend)?.PlannedPathKey(tenant, to) ?? tenant.Name;

    /// <summary>One upgrader per backend for a plan's questions (a plan of 10,000 tenants asks 10,000 times; they read nothing).</summary>
    private ITenantUpgrade? PlannerFor(BackendKind kind) =>
        _planners.GetOrAdd(kind, k => byBackend.TryGetValue(k, out var create) ? Configured(create) : null);

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
