using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Errors;
using Provisioner.Core.Maintenance;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Capacity;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>
/// <see cref="FleetUpgrader"/> with maintenance windows, on a fake clock at Tuesday 2026-12-01 12:00 UTC: <c>--all</c> leaves
/// closed tenants waiting; a tenant named outside its window is refused before anything is journaled or changed.
/// </summary>
public sealed class FleetUpgraderWindowTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly ScriptedUpgrade _upgrade;

    public FleetUpgraderWindowTests()
    {
        _registry = new InMemoryRegistry(_time);
        _upgrade = new ScriptedUpgrade(_registry, _time);
    }

    private FleetUpgrader Fleet() =>
        new(new InMemoryCatalog("1.0.0", "1.1.0"), _registry, new FakeLocks(), _upgrade, "/backups", _time, NullLogger<FleetUpgrader>.Instance);

    private Task TenantAsync(string name, string? window) => _registry.SaveAsync(new TenantRecord(
        name, "notes", "1.0.0", "small", Backends.BackendKind.Of("memory"), "memory-host", TenantStatus.Active, null, null, [], null, _time.GetUtcNow(), _time.GetUtcNow())
    {
        MaintenanceWindow = window,
    });

    [Fact]
    public async Task RunAll_OpenUpgraded_ClosedWaitingAndStillSucceeded()
    {
        await TenantAsync("open", "Tue 11:00-13:00 UTC");
        await TenantAsync("shut", "Sun 02:00-04:00 UTC");

        var result = await Fleet().RunAsync(new FleetRequest { To = "1.1.0", All = true }, null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["open"], result.Tenants.Select(t => t.Tenant));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero), result.Plan.Excluded.Single().WaitingUntil);
        Assert.Equal(["1.1.0", "1.0.0"], new[] { "open", "shut" }.Select(n => _registry.Tenants.Single(t => t.Name == n).Version));
    }

    [Fact]
    public async Task RunNamed_OutsideItsWindow_RefusedWithExit3AndNothingJournaled()
    {
        await TenantAsync("shut", "Sun 02:00-04:00 UTC");

        var e = await Assert.ThrowsAsync<OutsideWindowException>(() => Fleet().RunAsync(new FleetRequest { To = "1.1.0", Tenants = ["shut"] }, null, CancellationToken.None));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Equal("shut is outside its maintenance window (Sun 02:00-04:00 UTC); it next opens 2026-12-06 02:00 UTC", e.Message);
        Assert.Equal("add --ignore-windows to upgrade it now, or wait until 2026-12-06 02:00 UTC", e.Hint);
        Assert.Empty(_upgrade.Started);
        Assert.Empty(_registry.Journal.Operations);
    }

    [Fact]
    public async Task RunNamed_IgnoreWindows_Upgrades()
    {
        await TenantAsync("shut", "Sun 02:00-04:00 UTC");

        var result = await Fleet().RunAsync(new FleetRequest { To = "1.1.0", Tenants = ["shut"], IgnoreWindows = true }, null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("1.1.0", _registry.Tenants.Single().Version);
    }
}
