using Provisioner.Core.Capacity;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>Snapshots kept in a list.</summary>
internal sealed class FakeHistory : ICapacityHistory
{
    public List<CapacitySnapshot> Snapshots { get; } = [];

    public Task AppendAsync(IReadOnlyList<CapacitySnapshot> snapshots, CancellationToken ct)
    {
        Snapshots.AddRange(snapshots);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CapacitySnapshot>> ListAsync(DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CapacitySnapshot>>(Snapshots.Where(s => s.At >= since).OrderBy(s => s.At).ToList());

    public Task<IReadOnlyList<CapacitySnapshot>> LatestObservedAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CapacitySnapshot>>(
            Snapshots.Where(s => s.Source != "registry").GroupBy(s => s.Host).Select(g => g.OrderBy(s => s.At).Last()).ToList());
}
