using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Errors;
using Provisioner.Core.Maintenance;

namespace Provisioner.Core.Tests.Maintenance;

public sealed class FleetFreezerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed class MemoryFreezeStore : IFleetFreezeStore
    {
        public FleetFreeze? Freeze { get; set; }

        public Task<FleetFreeze?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Freeze);

        public Task SetAsync(FleetFreeze freeze, CancellationToken cancellationToken = default)
        {
            Freeze = freeze;
            return Task.CompletedTask;
        }

        public Task<bool> ClearAsync(CancellationToken cancellationToken = default)
        {
            var had = Freeze is not null;
            Freeze = null;
            return Task.FromResult(had);
        }
    }

    [Fact]
    public async Task Frozen_ChangeIsRefusedWithReasonEndAndOverride_ForcedPasses()
    {
        var freezer = new FleetFreezer(new MemoryFreezeStore(), new FakeTimeProvider(Now));
        await freezer.FreezeAsync(Now.AddDays(1), "holiday", "ops@bastion", default);

        var e = await Assert.ThrowsAsync<FleetFrozenException>(() => freezer.EnsureMayChangeAsync("provision upgrade", force: false, default));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Equal("the fleet is frozen until 2026-12-02 12:00 UTC (holiday): `provision upgrade` was refused and changed nothing", e.Message);
        Assert.Contains("--force", e.Hint);
        Assert.Equal("holiday", (await freezer.EnsureMayChangeAsync("provision upgrade", force: true, default))!.Reason);
    }

    [Fact]
    public async Task Freeze_EndsByItselfAtUntil()
    {
        var clock = new FakeTimeProvider(Now);
        var freezer = new FleetFreezer(new MemoryFreezeStore(), clock);
        await freezer.FreezeAsync(Now.AddHours(2), "holiday", "ops", default);

        clock.Advance(TimeSpan.FromHours(2));

        Assert.Null(await freezer.ActiveAsync(default));
        Assert.Null(await freezer.EnsureMayChangeAsync("provision tenant", force: false, default));
    }

    [Fact]
    public async Task Unfreeze_LiftsItAndSaysWhatHeld()
    {
        var freezer = new FleetFreezer(new MemoryFreezeStore(), new FakeTimeProvider(Now));
        Assert.Null(await freezer.UnfreezeAsync(default));
        await freezer.FreezeAsync(Now.AddDays(1), "holiday", "ops", default);

        Assert.Equal("holiday", (await freezer.UnfreezeAsync(default))!.Reason);
        Assert.Null(await freezer.ActiveAsync(default));
    }

    [Theory]
    [InlineData(-1, "holiday", "is not in the future")]
    [InlineData(1, " ", "--reason is empty")]
    public async Task Freeze_BadUntilOrReason_IsBadInputAndSetsNothing(int hours, string reason, string message)
    {
        var store = new MemoryFreezeStore();
        var freezer = new FleetFreezer(store, new FakeTimeProvider(Now));

        var e = await Assert.ThrowsAsync<BadInputException>(() => freezer.FreezeAsync(Now.AddHours(hours), reason, "ops", default));

        Assert.Contains(message, e.Message);
        Assert.Null(store.Freeze);
    }
}
