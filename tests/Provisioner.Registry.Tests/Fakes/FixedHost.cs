using Provisioner.Core.Capacity;

namespace Provisioner.Registry.Tests.Fakes;

/// <summary>A host with fixed facts and no containers (capacity then counts the registry's tenants only).</summary>
internal sealed class FixedHost(HostFacts facts) : IHostObserver
{
    public string Host => facts.Name;

    public Task<HostObservation> ObserveAsync(bool measureUsage, CancellationToken ct) =>
        Task.FromResult(new HostObservation(facts, [], measureUsage ? new Dictionary<string, long>() : null));
}
