using Provisioner.Core.Capacity;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

public sealed class CapacityCalculatorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static CapacityReport Calculate(CapacityInventory inventory, CapacityOptions? options = null) =>
        CapacityCalculator.Calculate(inventory, Template, options ?? new CapacityOptions(), At);

    [Fact]
    public void Calculate_EmptyTwoCpuHost_FitsThreeSmallBoundByCpu()
    {
        var report = Calculate(new CapacityInventory("t", [Host()], [], false));

        var host = Assert.Single(report.Hosts);
        Assert.Equal(1.8, host.Allocatable.Cpu, 6);
        Assert.Equal((long)(24 * Gi * 0.9), host.Allocatable.Memory);
        Assert.Equal(new SizeFit("small", 3, ResourceKind.Cpu), host.Fits.Single(f => f.Size == "small"));
        Assert.Equal(new SizeFit("large", 0, ResourceKind.Cpu), host.Fits.Single(f => f.Size == "large"));
    }

    [Fact]
    public void Calculate_Overcommit_MultipliesOnlyCpu()
    {
        var report = Calculate(new CapacityInventory("t", [Host(memoryGi: 2)], [], false), new CapacityOptions { CpuOvercommit = 4, Reserve = 0 });

        var host = Assert.Single(report.Hosts);
        Assert.Equal(8, host.Allocatable.Cpu, 6);
        Assert.Equal(2 * Gi, host.Allocatable.Memory);
        Assert.Equal(new SizeFit("small", 4, ResourceKind.Memory), host.Fits.Single(f => f.Size == "small"));
    }

    [Fact]
    public void Calculate_ReservationsSubtractPerHost_AndFleetAddsHosts()
    {
        var inventory = new CapacityInventory(
            "t", [Host("a", cpus: 4), Host("b", cpus: 4)],
            [Tenant("x", Large, "a"), Tenant("y", Small, "a"), Tenant("z", Small, "b")], false);

        var report = Calculate(inventory, new CapacityOptions { Reserve = 0 });

        Assert.Equal(2.5, report.Hosts[0].Reserved.Cpu, 6);
        Assert.Equal(2, report.Hosts[0].Tenants);
        Assert.Equal(3, report.Hosts[0].Fits.Single(f => f.Size == "small").Count);
        Assert.Equal(7, report.Hosts[1].Fits.Single(f => f.Size == "small").Count);
        Assert.Equal(10, report.FleetFits.Single(f => f.Size == "small").Count);
        Assert.Equal(3, report.Tenants);
    }

    [Fact]
    public void Calculate_DiskUnknown_DiskNeverBinds()
    {
        var report = Calculate(new CapacityInventory("t", [Host(cpus: 64, diskGi: null)], [], false));

        Assert.Equal(ResourceKind.Memory, report.Hosts[0].Fits.Single(f => f.Size == "small").Binding);
    }

    [Fact]
    public void Calculate_SmallDisk_DiskBinds()
    {
        var report = Calculate(new CapacityInventory("t", [Host(cpus: 64, diskGi: 5)], [], false), new CapacityOptions { Reserve = 0 });

        Assert.Equal(new SizeFit("small", 2, ResourceKind.Disk), report.Hosts[0].Fits.Single(f => f.Size == "small"));
    }

    [Fact]
    public void Calculate_Overbooked_FreeIsNegativeAndNothingFits()
    {
        var report = Calculate(new CapacityInventory("t", [Host()], [Tenant("x", Large), Tenant("y", Large)], false));

        Assert.True(report.Hosts[0].Free.Cpu < 0);
        Assert.All(report.Hosts[0].Fits, f => Assert.Equal(0, f.Count));
    }

    [Fact]
    public void Calculate_TenantOnUnknownHost_IsAWarning()
    {
        var report = Calculate(new CapacityInventory("t", [Host()], [Tenant("x", Small, "elsewhere")], false));

        Assert.Contains("host 'elsewhere'", Assert.Single(report.Warnings));
        Assert.Equal(0, report.Hosts[0].Tenants);
    }

    [Fact]
    public void Calculate_UsageMeasured_SumsTenantsUse()
    {
        var inventory = new CapacityInventory("t", [Host()], [new TenantReservation("x", "local", "small", Small, new Resources(0.1, 100, 10))], true);

        var report = Calculate(inventory);

        Assert.Equal(new Resources(0.1, 100, 10), report.Hosts[0].Used);
    }
}
