using Provisioner.Core.Capacity;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>
/// The same questions on faked engines of 2, 4 and 64 CPUs (24 GiB memory, 1000 GiB free disk), read the way
/// <c>provision capacity</c> reads a live engine: observer, live inventory, calculator, verdict. Sizes: small 0.5 CPU,
/// 512 MiB, 2 GiB; large 2 CPUs, 2 GiB, 20 GiB. The expected numbers are worked out by hand in each row.
/// </summary>
public sealed class HostCpuCountTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2, 3, ResourceKind.Cpu, 0, ResourceKind.Cpu)] // 1.8 CPUs after the 10% reserve: 3 small, no large
    [InlineData(4, 7, ResourceKind.Cpu, 1, ResourceKind.Cpu)] // 3.6 CPUs: 7 small, 1 large
    [InlineData(64, 43, ResourceKind.Memory, 10, ResourceKind.Memory)] // 57.6 CPUs, but 21.6 GiB memory: 43 small, 10 large
    public async Task Calculate_EmptyEngine_FitsFollowItsCpusAndMemory(int cpus, int small, ResourceKind smallBinding, int large, ResourceKind largeBinding)
    {
        var report = await ReportAsync(cpus, new CapacityOptions());

        var host = Assert.Single(report.Hosts);
        Assert.Equal(cpus * 0.9, host.Allocatable.Cpu, 9);
        Assert.Equal(new SizeFit("small", small, smallBinding), host.Fits.Single(f => f.Size == "small"));
        Assert.Equal(new SizeFit("large", large, largeBinding), host.Fits.Single(f => f.Size == "large"));
    }

    [Theory]
    [InlineData(2, 1, ResourceKind.Cpu)] // 3.6 CPUs promised: 1 large
    [InlineData(4, 3, ResourceKind.Cpu)] // 7.2 CPUs: 3 large
    [InlineData(64, 10, ResourceKind.Memory)] // 115.2 CPUs, memory still holds 10
    public async Task Calculate_CpusPromisedTwice_LargeFitsDoubleUntilMemoryBinds(int cpus, int large, ResourceKind binding)
    {
        var report = await ReportAsync(cpus, new CapacityOptions { CpuOvercommit = 2 });

        Assert.Equal(new SizeFit("large", large, binding), report.FleetFits.Single(f => f.Size == "large"));
    }

    [Theory]
    [InlineData(2, "CPU binds; each needs 2 CPUs and local has 1.8 CPUs free")]
    [InlineData(4, "CPU binds; only 1 of 2 can be placed; each needs 2 CPUs and local has 1.6 CPUs free")]
    [InlineData(64, "memory binds; only 10 of 11 can be placed; each needs 2 GiB memory and local has 1.6 GiB memory free")]
    public async Task Decide_OneLargeMoreThanFits_SaysNoNamingWhatBinds(int cpus, string reason)
    {
        var report = await ReportAsync(cpus, new CapacityOptions());
        var fits = report.FleetFits.Single(f => f.Size == "large").Count;

        var no = VerdictPlanner.Decide(report, "large", fits + 1, null);
        var yes = VerdictPlanner.Decide(report, "large", Math.Max(1, fits), null);

        Assert.False(no.Fits);
        Assert.Contains(reason, no.Reason);
        Assert.Equal(fits > 0, yes.Fits);
        (string, int)[] placed = fits > 0 ? [("local", fits)] : [];
        Assert.Equal(placed, yes.Placements.Select(p => (p.Host, p.Count)));
    }

    [Theory]
    [InlineData(2, 1)] // 1.8 - 0.5 - 0.5 = 0.8 CPUs: 1 more small
    [InlineData(4, 5)] // 3.6 - 0.5 - 0.5 = 2.6 CPUs: 5 more small
    [InlineData(64, 41)] // memory: 21.6 GiB - 1 GiB = 20.6 GiB: 41 more small
    public async Task Calculate_TwoSmallTenantsRunning_FewerFit(int cpus, int more)
    {
        var observer = new FakeHostObserver(Host(cpus: cpus, memoryGi: 24, diskGi: 1000));
        var registry = new FakeRegistry();
        registry.Tenants.AddRange([FakeRegistry.Tenant("a", "small"), FakeRegistry.Tenant("b", "small")]);

        var report = await ReportAsync(observer, registry, new CapacityOptions());

        Assert.Equal(2, report.Tenants);
        Assert.Equal(more, report.FleetFits.Single(f => f.Size == "small").Count);
    }

    private static Task<CapacityReport> ReportAsync(int cpus, CapacityOptions options) =>
        ReportAsync(new FakeHostObserver(Host(cpus: cpus, memoryGi: 24, diskGi: 1000)), new FakeRegistry(), options);

    private static async Task<CapacityReport> ReportAsync(FakeHostObserver observer, FakeRegistry registry, CapacityOptions options)
    {
        var inventory = await new LiveInventory(observer, registry, new TenantSizes(new FakeTemplates()), options).ReadAsync(false, default);
        return CapacityCalculator.Calculate(inventory, Template, options, At);
    }
}
