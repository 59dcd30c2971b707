using Provisioner.Core.Backends;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>Maintenance windows in a fleet plan, at a fixed instant: Tuesday 2026-12-01 12:00 UTC.</summary>
public sealed class FleetPlannerWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly BackendKind Docker = BackendKind.Of("docker");

    private static readonly Dictionary<BackendKind, IReadOnlyList<string>> DockerOnly = new() { [Docker] = ["backup", "migrate"] };

    private static TenantRecord Tenant(string name, string? window = null, string version = "1.0.0") =>
        new(name, "notes", version, "small", Docker, "local", TenantStatus.Active, null, null, [], null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)
        {
            MaintenanceWindow = window,
        };

    private static readonly TenantRecord[] Fleet =
    [
        Tenant("always"), Tenant("open", "Tue 11:00-13:00 UTC"), Tenant("closed", "Sun 02:00-04:00 UTC"), Tenant("current", "Sun 02:00-04:00 UTC", "1.1.0"),
    ];

    [Fact]
    public void Plan_All_UpgradesOpenAndWindowlessTenants_OthersWaitUntilTheirWindowOpens()
    {
        var plan = FleetPlanner.Plan(Fleet, new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        Assert.Equal(["always", "open"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
        var waiting = plan.Excluded.Single(e => e.WaitingUntil is not null);
        Assert.Equal(("closed", new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero), "Sun 02:00-04:00 UTC", false), (waiting.Tenant, waiting.WaitingUntil!.Value, waiting.Window, waiting.Blocking));
        Assert.Equal("waiting: its window Sun 02:00-04:00 UTC opens 2026-12-06 02:00 UTC", waiting.Reason);
        Assert.Equal("already on 1.1.0", plan.Excluded.Single(e => e.Tenant == "current").Reason);  // current beats waiting
    }

    [Fact]
    public void Plan_IgnoreWindows_UpgradesEveryTenant()
    {
        var plan = FleetPlanner.Plan(Fleet, new FleetRequest { To = "1.1.0", All = true, IgnoreWindows = true }, DockerOnly, Now);

        Assert.Equal(["always", "closed", "open"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
    }

    [Fact]
    public void Plan_ClosedTenantAsCanary_IsNotPicked()
    {
        var plan = FleetPlanner.Plan([Tenant("a", "Sun 02:00-04:00 UTC"), Tenant("b")], new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        Assert.Equal(["b"], plan.Waves[0].Tenants.Select(t => t.Tenant));
    }

    [Fact]
    public void Plan_WindowThisMachineCannotRead_LeftOutBlockingNotGuessedOpen()
    {
        var plan = FleetPlanner.Plan([Tenant("odd", "Sun 02:00-04:00 Mars/Olympus"), Tenant("b")], new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        var odd = plan.Excluded.Single();
        Assert.Equal(("odd", true, null), (odd.Tenant, odd.Blocking, odd.WaitingUntil));
        Assert.Contains("cannot be read on this machine", odd.Reason);
        Assert.Equal(["b"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
    }
}
