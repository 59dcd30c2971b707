using Microsoft.Data.Sqlite;
using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Tests;

public sealed class CapacityHistoryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private readonly string _home = Directory.CreateTempSubdirectory("capacity-history-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_home, recursive: true);
    }

    private static CapacitySnapshot Snapshot(string host, int minutes, string source = "engine", double reservedCpu = 0.5) =>
        new(T0.AddMinutes(minutes), host, source, 1, new HostFacts(host, 2, 1L << 34, null), new Resources(reservedCpu, 1L << 29, 1L << 31),
            source == "engine" ? new Resources(0.1, 1L << 27, 4096) : null);

    [Fact]
    public async Task Append_ListSince_RoundTripsOldestFirst()
    {
        var history = RegistryFactory.CreateCapacityHistory(_home);

        await history.AppendAsync([Snapshot("local", 0), Snapshot("local", 10, reservedCpu: 1)], default);
        await history.AppendAsync([Snapshot("local", 20, reservedCpu: 1.5)], default);

        var since = await history.ListAsync(T0.AddMinutes(5), default);
        Assert.Equal([1, 1.5], since.Select(s => s.Reserved.Cpu));
        Assert.Equal(Snapshot("local", 10, reservedCpu: 1), since[0]);
    }

    [Fact]
    public async Task LatestObserved_SkipsRegistrySnapshots_NewestPerHost()
    {
        var history = RegistryFactory.CreateCapacityHistory(_home);

        await history.AppendAsync([Snapshot("a", 0), Snapshot("b", 0), Snapshot("a", 5, reservedCpu: 1), Snapshot("a", 9, "registry")], default);

        var latest = await history.LatestObservedAsync(default);
        Assert.Equal([("a", 5), ("b", 0)], latest.Select(s => (s.Host, (int)(s.At - T0).TotalMinutes)));
        Assert.Null(latest[0].Facts.DiskBytes);
    }

    [Fact]
    public async Task TenantCounts_GroupsLiveTenantsByHostTemplateAndSize()
    {
        var registry = RegistryFactory.CreateSqlite(_home);
        TenantRecord Tenant(string name, string size, string host, string status = TenantStatus.Active) =>
            new(name, "notes", "1.1.0", size, "docker", host, status, null, null, [1], null, T0, T0);
        foreach (var t in new[] { Tenant("a", "small", "h1"), Tenant("b", "small", "h1"), Tenant("c", "large", "h1"), Tenant("d", "small", "h2"), Tenant("e", "small", "h1", TenantStatus.Destroyed) })
        {
            await registry.SaveAsync(t);
        }

        var groups = await RegistryFactory.CreateTenantCounts(_home).CountAsync(default);

        Assert.Equal(
            [new TenantGroup("h1", "notes@1.1.0", "large", 1), new TenantGroup("h1", "notes@1.1.0", "small", 2), new TenantGroup("h2", "notes@1.1.0", "small", 1)],
            groups);
    }
}
