using Provisioner.Core.Capacity;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>A host with fixed facts and the workloads the test lists.</summary>
internal sealed class FakeHostObserver(HostFacts facts) : IHostObserver
{
    public List<ObservedWorkload> Workloads { get; } = [];

    public Dictionary<string, long> VolumeBytes { get; } = [];

    public string Host => facts.Name;

    public Task<HostObservation> ObserveAsync(bool measureUsage, CancellationToken ct) =>
        Task.FromResult(new HostObservation(facts, Workloads.ToList(), measureUsage ? VolumeBytes : null));
}
