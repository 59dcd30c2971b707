namespace Provisioner.Core.Capacity;

/// <summary>
/// A live look at one host: its facts (<see cref="HostFacts.DiskBytes"/> = free space of the engine's data root), every tenant
/// container on it, and when sampled the bytes each tenant's volumes hold.
/// </summary>
public sealed record HostObservation(HostFacts Facts, IReadOnlyList<ObservedWorkload> Workloads, IReadOnlyDictionary<string, long>? VolumeBytes);
