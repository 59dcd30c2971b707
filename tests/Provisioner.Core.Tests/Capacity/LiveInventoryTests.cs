using Provisioner.Core.Backends;
using Provisioner.Core.Capacity;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

public sealed class LiveInventoryTests
{
    private readonly FakeHostObserver _host = new(Host(diskGi: 50));
    private readonly FakeRegistry _registry = new();

    private LiveInventory Inventory(CapacityScope scope) => new(_host, _registry, new TenantSizes(new FakeTemplates()), new CapacityOptions { Scope = scope });

    private static ObservedWorkload Container(string tenant, string component, double cpu, long memory, WorkloadKind kind = WorkloadKind.Service) =>
        new(tenant, component, kind, "notes@1.1.0", "small", cpu, memory, 0.05, 100);

    [Fact]
    public async Task Read_EngineScope_CountsEveryTenantBySizeButNotJobs()
    {
        _host.Workloads.AddRange([
            Container("mine", "db", 0.25, 256L << 20), Container("mine", "app", 0.25, 256L << 20), Container("mine", "migrate", 0.25, 256L << 20, WorkloadKind.Job),
            Container("foreign", "db", 1, 1L << 30) with { Size = "large" }]);
        _registry.Tenants.Add(FakeRegistry.Tenant("mine", "small"));

        var inventory = await Inventory(CapacityScope.Engine).ReadAsync(false, default);

        Assert.Equal(["foreign", "mine"], inventory.Tenants.Select(t => t.Tenant));
        Assert.Equal(Small, inventory.Tenants.Single(t => t.Tenant == "mine").Reserved);
        Assert.Equal(Large, inventory.Tenants.Single(t => t.Tenant == "foreign").Reserved); // from its containers' size labels
    }

    [Fact]
    public async Task Read_EngineScope_UnknownSizeWithRequestsRead_RequestsCount()
    {
        _host.Workloads.Add(Container("foreign", "db", 1, 1L << 30) with { TemplateRef = "gone@1.0.0", Size = null, CpuRequest = 0.3, MemoryRequest = 300L << 20 });

        var inventory = await Inventory(CapacityScope.Engine).ReadAsync(true, default);

        var foreign = Assert.Single(inventory.Tenants);
        Assert.Equal(new Resources(0.3, 300L << 20, 0), foreign.Reserved);
        Assert.Equal(new Resources(1, 1L << 30, 0), foreign.Limits);
    }

    [Fact]
    public async Task Read_RegistryScope_IgnoresOtherRegistriesTenants()
    {
        _host.Workloads.Add(Container("foreign", "db", 1, 1L << 30));
        _registry.Tenants.AddRange([FakeRegistry.Tenant("mine", "small"), FakeRegistry.Tenant("gone", "large", TenantStatus.Destroyed)]);

        var inventory = await Inventory(CapacityScope.Registry).ReadAsync(false, default);

        var tenant = Assert.Single(inventory.Tenants);
        Assert.Equal(("mine", Small), (tenant.Tenant, tenant.Reserved)); // no containers yet: its size (intent) counts
    }

    [Fact]
    public async Task Read_SuspendedTenant_ReservesOnlyItsDiskAndIsCountedApart()
    {
        _registry.Tenants.AddRange([FakeRegistry.Tenant("mine", "small"), FakeRegistry.Tenant("parked", "small", TenantStatus.Suspended)]);

        var inventory = await Inventory(CapacityScope.Registry).ReadAsync(false, default);
        var report = CapacityCalculator.Calculate(inventory, new FakeTemplates().Resolve(TemplateRef.Parse("notes@1.1.0")), new CapacityOptions(), DateTimeOffset.UnixEpoch);

        var parked = inventory.Tenants.Single(t => t.Tenant == "parked");
        Assert.True(parked.Suspended);
        Assert.Equal(new Resources(0, 0, Small.Disk), parked.Reserved);
        Assert.Equal((2, 1, Small.Disk), (report.Tenants, report.SuspendedTenants, report.SuspendedDisk));
        Assert.Equal(Small + new Resources(0, 0, Small.Disk), report.Reserved);
    }

    [Fact]
    public async Task Read_RequestsSetOnContainersLargerThanSize_TheyCount()
    {
        _host.Workloads.Add(Container("mine", "db", 2, 4L << 30) with { CpuRequest = 2, MemoryRequest = 4L << 30 });
        _registry.Tenants.Add(FakeRegistry.Tenant("mine", "small"));

        var inventory = await Inventory(CapacityScope.Registry).ReadAsync(true, default);

        Assert.Equal(new Resources(2, 4L << 30, 2 * Gi), inventory.Tenants[0].Reserved);
        Assert.Equal(new Resources(2, 4L << 30, 2 * Gi), inventory.Tenants[0].Limits);
    }

    [Fact]
    public async Task Read_LimitsLargerThanSizeButRequestsNot_OnlyTheLimitsGrow()
    {
        _host.Workloads.Add(Container("mine", "db", 2, 4L << 30) with { CpuRequest = 0.1, MemoryRequest = 64L << 20 });
        _registry.Tenants.Add(FakeRegistry.Tenant("mine", "small"));

        var inventory = await Inventory(CapacityScope.Registry).ReadAsync(true, default);

        Assert.Equal(Small, inventory.Tenants[0].Reserved);
        Assert.Equal(new Resources(2, 4L << 30, 2 * Gi), inventory.Tenants[0].Limits);
    }

    [Fact]
    public async Task Read_MeasuringUsage_AddsVolumesToDiskAndUse()
    {
        _host.Workloads.Add(Container("mine", "db", 0.25, 256L << 20));
        _host.VolumeBytes["mine"] = 1_000;
        _registry.Tenants.Add(FakeRegistry.Tenant("mine", "small"));

        var inventory = await Inventory(CapacityScope.Registry).ReadAsync(true, default);

        Assert.Equal(new Resources(0.05, 100, 1_000), inventory.Tenants[0].Used);
        Assert.Equal((50 * Gi) + 1_000, inventory.Hosts[0].DiskBytes);
    }
}
