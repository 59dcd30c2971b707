namespace Provisioner.Core.Capacity;

/// <summary>
/// A live look at one host: its facts (<see cref="HostFacts.DiskBytes"/> = free space of the engine's data root), every tenant
/// container on it, and when sampled the bytes each tenant's volumes hold.
/// An observer over several hosts (a cluster) also sets <see cref="Hosts"/> (every node) and each workload's host.
/// </summary>
public sealed record HostObservation(HostFacts Facts, IReadOnlyList<ObservedWorkload> Workloads, IReadOnlyDictionary<string, long>? VolumeBytes)
{
    /// <summary>Every host seen, when the observer sees several (a cluster's nodes); null: just <see cref="Facts"/>.</summary>
    public IReadOnlyList<HostFacts>? Hosts { get; init; }
}
