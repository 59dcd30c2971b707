using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Tests.Support;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>Capacity history and tenant counts: what every registry store must do (run against SQLite and PostgreSQL).</summary>
public abstract class CapacityHistoryContract : StoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static CapacitySnapshot Snapshot(string host, int minutes, string source = "engine", double reservedCpu = 0.5) =>
        new(T0.AddMinutes(minutes), host, source, 1, new HostFacts(host, 2, 1L << 34, null), new Resources(reservedCpu, 1L << 29, 1L << 31),
            source == "engine" ? new Resources(0.1, 1L << 27, 4096) : null);

    [Fact]
    public async Task Append_ListSince_RoundTripsOldestFirst()
    {
        var history = Store.Open().History;

        await history.AppendAsync([Snapshot("local", 0), Snapshot("local", 10, reservedCpu: 1)], default);
        await history.AppendAsync([Snapshot("local", 20, reservedCpu: 1.5)], default);

        var since = await history.ListAsync(T0.AddMinutes(5), default);
        Assert.Equal([1, 1.5], since.Select(s => s.Reserved.Cpu));
        Assert.Equal(Snapshot("local", 10, reservedCpu: 1), since[0]);
    }

    [Fact]
    public async Task LatestObserved_SkipsRegistrySnapshots_NewestPerHost()
    {
        var history = Store.Open().History;

        await history.AppendAsync([Snapshot("a", 0), Snapshot("b", 0), Snapshot("a", 5, reservedCpu: 1), Snapshot("a", 9, "registry")], default);

        var latest = await history.LatestObservedAsync(default);
        Assert.Equal([("a", 5), ("b", 0)], latest.Select(s => (s.Host, (int)(s.At - T0).TotalMinutes)));
        Assert.Null(latest[0].Facts.DiskBytes);
    }

    [Fact]
    public async Task TenantCounts_GroupsLiveTenantsByHostTemplateAndSize()
    {
        var stores = Store.Open();
        foreach (var t in new[]
        {
            Tenants.Of("a", "small", "h1"), Tenants.Of("b", "small", "h1"), Tenants.Of("c", "large", "h1"), Tenants.Of("d", "small", "h2"),
            Tenants.Of("e", "small", "h1", TenantStatus.Destroyed),
        })
        {
            await stores.Registry.SaveAsync(t);
        }

        var groups = await stores.Counts.CountAsync(default);

        Assert.Equal(
            [new TenantGroup("h1", "notes@1.1.0", "large", 1), new TenantGroup("h1", "notes@1.1.0", "small", 2), new TenantGroup("h2", "notes@1.1.0", "small", 1)],
            groups);
    }
}
