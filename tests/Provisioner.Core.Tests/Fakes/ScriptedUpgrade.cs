using Microsoft.Extensions.Time.Testing;
using NuGet.Versioning;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// One tenant's upgrade, scripted per tenant: upgraded by default (the registry then records the new version), or the
/// outcome or exception a test sets. Each takes <see cref="Takes"/> on the fake clock. Records the order upgrades
/// started in and how many ran at once.
/// </summary>
internal sealed class ScriptedUpgrade(InMemoryRegistry registry, FakeTimeProvider time) : ITenantUpgrade
{
    private readonly Lock _gate = new();
    private int _inFlight;

    public IReadOnlyDictionary<Core.Backends.BackendKind, IReadOnlyList<string>> Steps(UpgradeSettings settings) =>
        new Dictionary<Core.Backends.BackendKind, IReadOnlyList<string>> { [Core.Backends.BackendKind.Of("memory")] = ["scripted"] };

    public Dictionary<string, string> Outcomes { get; } = [];

    /// <summary>
    /// The path a plan shows, by the tenant's current version (a tenant with a port of its own: quiet-in-place, as it is
    /// not behind the edge); each question counted in <see cref="PathsAsked"/>.
    /// </summary>
    public Dictionary<string, string> Paths { get; } = [];

    public int PathsAsked { get; private set; }

    public object PlannedPathKey(TenantRecord tenant, NuGetVersion to) => (tenant.Version, tenant.HostPort is not null);

    public string? PlannedPath(TenantRecord tenant, NuGetVersion to)
    {
        PathsAsked++;
        return tenant.HostPort is null ? Paths.GetValueOrDefault(tenant.Version) : UpgradePaths.InPlace;
    }

    public Dictionary<string, Exception> Throws { get; } = [];

    public TimeSpan Takes { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Awaited inside each upgrade while it counts as running (e.g. a barrier a test controls).</summary>
    public Func<string, Task>? During { get; set; }

    public List<string> Started { get; } = [];

    public List<string> Recovered { get; } = [];

    public int MostAtOnce { get; private set; }

    public async Task<TenantUpgradeResult> UpgradeAsync(
        string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct)
    {
        lock (_gate)
        {
            Started.Add(name);
            MostAtOnce = Math.Max(MostAtOnce, ++_inFlight);
        }

        try
        {
            if (During is not null)
            {
                await During(name);
            }

            if (Throws.TryGetValue(name, out var error))
            {
                throw error;
            }

            var tenant = await registry.RequireAsync(name, ct);
            var outcome = Outcomes.GetValueOrDefault(name, UpgradeOutcome.Upgraded);
            if (outcome == UpgradeOutcome.Upgraded)
            {
                await registry.SaveAsync(tenant with { Version = to.ToNormalizedString() }, ct);
            }
            else if (outcome == UpgradeOutcome.NeedsAttention)
            {
                await registry.SaveAsync(tenant with { Status = TenantStatus.NeedsAttention }, ct);
            }

            time.Advance(Takes);
            var reason = outcome == UpgradeOutcome.Upgraded ? null : $"{name}: scripted {outcome}";
            return new TenantUpgradeResult(name, tenant.Version, to.ToNormalizedString(), outcome, reason, null, null, null, Takes);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    public async Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct)
    {
        lock (_gate)
        {
            Recovered.Add(name);
        }

        return await registry.RequireAsync(name, ct);
    }
}
