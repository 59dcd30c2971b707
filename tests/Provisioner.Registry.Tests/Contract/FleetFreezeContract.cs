using Provisioner.Core.Maintenance;

namespace Provisioner.Registry.Tests.Contract;

/// <summary>The fleet's freeze (<c>provision freeze</c>): what every registry store must do (run against SQLite and PostgreSQL).</summary>
public abstract class FleetFreezeContract : StoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task Set_Get_Replace_Clear_OneFreezeAtMost()
    {
        var store = Store.Open().Freeze;
        Assert.Null(await store.GetAsync());

        await store.SetAsync(new FleetFreeze(T0.AddDays(1), "holiday", "ops@bastion", T0));
        await store.SetAsync(new FleetFreeze(T0.AddDays(2), "audit week", "lead@bastion", T0.AddMinutes(1)));

        Assert.Equal(new FleetFreeze(T0.AddDays(2), "audit week", "lead@bastion", T0.AddMinutes(1)), await Store.OpenPeer().Freeze.GetAsync());
        Assert.True(await store.ClearAsync());
        Assert.Null(await store.GetAsync());
        Assert.False(await store.ClearAsync());
    }

    [Fact]
    public async Task MaintenanceWindow_RoundTripsAndClears()
    {
        var registry = Store.OpenRegistry();

        await registry.SaveAsync(Support.Tenants.Of("acme") with { MaintenanceWindow = "Mon-Fri 22:00-02:00 Europe/Berlin" });
        Assert.Equal("Mon-Fri 22:00-02:00 Europe/Berlin", (await registry.ListAsync()).Single().MaintenanceWindow);
        await registry.SaveAsync((await registry.GetAsync("acme"))! with { MaintenanceWindow = null });

        Assert.Null((await registry.GetAsync("acme"))!.MaintenanceWindow);
    }
}
