namespace Provisioner.Core.Capacity;

/// <summary>Where capacity snapshots are kept (the registry).</summary>
public interface ICapacityHistory
{
    Task AppendAsync(IReadOnlyList<CapacitySnapshot> snapshots, CancellationToken ct);

    /// <summary>Snapshots taken at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<CapacitySnapshot>> ListAsync(DateTimeOffset since, CancellationToken ct);

    /// <summary>The newest snapshot of each host that was observed live (its facts: CPUs, memory, disk).</summary>
    Task<IReadOnlyList<CapacitySnapshot>> LatestObservedAsync(CancellationToken ct);
}
