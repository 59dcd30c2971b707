using Provisioner.Core.Capacity;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

public sealed class FillForecastTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static CapacitySnapshot Snapshot(int day, int smallTenants) =>
        new(Day0.AddDays(day), "local", "engine", smallTenants, Host(cpus: 10), Small.Times(smallTenants), null);

    private static CapacityReport ReportAt(int day, int smallTenants) => CapacityCalculator.Calculate(
        new CapacityInventory("t", [Host(cpus: 10)], Enumerable.Range(0, smallTenants).Select(i => Tenant($"t{i}", Small)).ToList(), false),
        Template, new CapacityOptions { Reserve = 0 }, Day0.AddDays(day));

    [Fact]
    public void Estimate_OneTenantADay_FillsWhenCpuRunsOut()
    {
        // 10 CPUs, 0.5 CPU per tenant, one new tenant a day: 4 tenants now (2 CPUs), 8 CPUs left = 16 days.
        var history = Enumerable.Range(0, 5).Select(d => Snapshot(d, d)).ToList();

        var estimate = Assert.Single(FillForecast.Estimate(ReportAt(4, 4), history));

        Assert.Equal(ResourceKind.Cpu, estimate.Resource);
        Assert.Equal(0.5, estimate.RatePerDay!.Value, 6);
        Assert.Equal(Day0.AddDays(20), estimate.FullAt);
        Assert.Contains("fills (CPU) around 2026-11-21", estimate.Text);
    }

    [Fact]
    public void Estimate_TooFewSnapshots_SaysWhatItNeeds()
    {
        var estimate = Assert.Single(FillForecast.Estimate(ReportAt(1, 1), [Snapshot(0, 0), Snapshot(1, 1)]));

        Assert.Null(estimate.FullAt);
        Assert.Contains("needs 3 snapshots", estimate.Text);
    }

    [Fact]
    public void Estimate_FlatReservations_NoFillDate()
    {
        var estimate = Assert.Single(FillForecast.Estimate(ReportAt(3, 2), [Snapshot(0, 2), Snapshot(1, 2), Snapshot(3, 2)]));

        Assert.Null(estimate.FullAt);
        Assert.Contains("not growing", estimate.Text);
    }

    [Fact]
    public void Estimate_NoHistory_SaysSo()
    {
        var estimate = Assert.Single(FillForecast.Estimate(ReportAt(0, 0), []));

        Assert.Equal(0, estimate.Snapshots);
        Assert.Contains("no history yet", estimate.Text);
    }
}
