using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

public sealed class CapacityServiceTests
{
    private readonly FakeInventory _inventory = new(Host(cpus: 10));
    private readonly FakeHistory _history = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private CapacityService Service() => new(
        _inventory, _history, new FakeTemplates(), new CapacityOptions { Reserve = 0 }, "notes", _time, NullLogger<CapacityService>.Instance);

    [Fact]
    public async Task Run_EachRun_StoresASnapshotPerHost()
    {
        _inventory.Tenants.Add(Tenant("a", Small));

        await Service().RunAsync(new CapacityQuery(), default);
        _time.Now = _time.Now.AddDays(1);
        var result = await Service().RunAsync(new CapacityQuery(), default);

        Assert.Equal(2, _history.Snapshots.Count);
        Assert.Equal(("local", "fake", 1, 0.5), (_history.Snapshots[1].Host, _history.Snapshots[1].Source, _history.Snapshots[1].Tenants, _history.Snapshots[1].Reserved.Cpu));
        Assert.Equal(2, result.History.Count);
        Assert.Null(result.Verdict);
    }

    [Fact]
    public async Task Run_GrowingDailyHistory_EstimatesTheFillDate()
    {
        for (var day = 0; day < 4; day++)
        {
            _inventory.Tenants.Add(Tenant($"t{day}", Small));
            await Service().RunAsync(new CapacityQuery(), default);
            _time.Now = _time.Now.AddDays(1);
        }

        var result = await Service().RunAsync(new CapacityQuery(Size: "small", Count: 2), default);

        var estimate = Assert.Single(result.Forecast);
        Assert.Equal(ResourceKind.Cpu, estimate.Resource);
        Assert.NotNull(estimate.FullAt);
        Assert.True(result.Verdict!.Fits);
    }

    [Fact]
    public async Task Run_BadCountOrSize_IsBadInputBeforeReading()
    {
        await Assert.ThrowsAsync<BadInputException>(() => Service().RunAsync(new CapacityQuery(Count: 0), default));
        await Assert.ThrowsAsync<BadInputException>(() => Service().RunAsync(new CapacityQuery(Size: "huge"), default));
        Assert.Equal(0, _inventory.Reads);
    }

    [Fact]
    public async Task RegistryInventory_UsesLastObservedHostsAndCountedSizes()
    {
        _history.Snapshots.Add(new CapacitySnapshot(_time.Now, "h1", "engine", 0, Host("h1", cpus: 8), Resources.Zero, null));
        var counts = new FakeTenantCounts(new TenantGroup("h1", "notes@1.1.0", "large", 1), new TenantGroup("h1", "notes@1.1.0", "small", 3));

        var inventory = await new RegistryInventory(counts, _history, new TenantSizes(new FakeTemplates())).ReadAsync(true, default);
        var report = CapacityCalculator.Calculate(inventory, Template, new CapacityOptions { Reserve = 0 }, _time.Now);

        Assert.Equal(["h1"], inventory.Hosts.Select(h => h.Name));
        Assert.Equal((4, 3.5), (report.Hosts[0].Tenants, report.Hosts[0].Reserved.Cpu));
        Assert.False(inventory.UsageMeasured);
    }

    private sealed class FakeTenantCounts(params TenantGroup[] groups) : ITenantCounts
    {
        public Task<IReadOnlyList<TenantGroup>> CountAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<TenantGroup>>(groups);
    }
}
