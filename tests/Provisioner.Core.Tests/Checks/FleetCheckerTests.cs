using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Backends;
using Provisioner.Core.Checks;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Tests.Health;

namespace Provisioner.Core.Tests.Checks;

public sealed class FleetCheckerTests
{
    private static readonly BackendKind Memory = BackendKind.Of("memory");
    private static readonly BackendKind Elsewhere = BackendKind.Of("elsewhere");

    private readonly TimeProvider _time = TimeProvider.System;
    private readonly InMemoryRegistry _registry;
    private readonly InMemoryBackend _backend = new();
    private readonly InMemoryCheckHistory _history = new();

    // The journey of tenant "b" fails; every other check of every tenant passes.
    private readonly FakeProbe _probe = new((name, target, _) => !(target.Tenant == "b" && name.Contains("journey", StringComparison.Ordinal)));

    public FleetCheckerTests() => _registry = new InMemoryRegistry(_time);

    private FleetChecker Checker() => new(
        _registry, new InMemoryCatalog("1.1.0"), _history,
        kind => kind == Memory
            ? (_backend, new HealthGate([_probe], _time, new HealthGateOptions()))
            : throw new BadInputException($"no {kind.Name} is configured"),
        _time, NullLogger<FleetChecker>.Instance);

    private async Task TenantAsync(string name, string status = TenantStatus.Active, BackendKind? backend = null, bool running = true)
    {
        await _registry.SaveAsync(new TenantRecord(
            name, "notes", "1.1.0", "small", backend ?? Memory, "memory-host", status, "http://127.0.0.1:1", 1, [], null, _time.GetUtcNow(), _time.GetUtcNow()));
        if (running)
        {
            _backend.Add(name, $"container {Core.Stamps.StampNames.Container(name, "app")}", $"container {Core.Stamps.StampNames.Container(name, "db")}");
        }
    }

    [Fact]
    public async Task RunAll_JourneyFailsWhileEverythingRuns_TenantDownNamingTheJourney_Exit5()
    {
        await TenantAsync("a");
        await TenantAsync("b");

        var result = await Checker().RunAsync(new CheckRequest(), null, CancellationToken.None);

        Assert.Equal(["a", "b"], result.Tenants.Select(t => t.Tenant));
        var b = result.Tenants[1];
        Assert.Equal(TenantCheckState.Down, b.State);
        Assert.Equal("app:journey notes-roundtrip", b.FailingCheck?.Name);
        Assert.StartsWith("unhealthy: app:journey notes-roundtrip: attempt", b.Reason);
        Assert.Equal((2, 3), (b.Passed, b.Checks.Count));
        Assert.Equal(TenantCheckState.Up, result.Tenants[0].State);
        Assert.Equal((1, 1), (result.Up, result.Down));
        Assert.Equal(ExitCodes.Unhealthy, result.ExitCode);
    }

    [Fact]
    public async Task RunAll_DestroyedSkipped_UnconfiguredBackendUnknown_NotRecordedAsFailures()
    {
        await TenantAsync("a");
        await TenantAsync("gone", TenantStatus.Destroyed, running: false);
        await TenantAsync("parked", TenantStatus.Suspended, running: false);
        await TenantAsync("far", backend: Elsewhere, running: false);

        var result = await Checker().RunAsync(new CheckRequest(), null, CancellationToken.None);

        var byName = result.Tenants.ToDictionary(t => t.Tenant);
        Assert.Equal(TenantCheckState.Skipped, byName["gone"].State);
        Assert.Contains("destroyed", byName["gone"].Reason);
        Assert.Equal(TenantCheckState.Skipped, byName["parked"].State);
        Assert.Contains("suspended", byName["parked"].Reason);
        Assert.Equal(TenantCheckState.Unknown, byName["far"].State);
        Assert.StartsWith("backend not configured here (elsewhere): no elsewhere is configured", byName["far"].Reason);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(await _history.RecentAsync("gone", 10, default));
        Assert.Single(await _history.RecentAsync("far", 10, default));
        Assert.False(result.History.ContainsKey("gone"));
    }

    [Fact]
    public async Task RunOne_NothingRuns_DownWithEveryCheckNotRun()
    {
        await TenantAsync("a", running: false);

        var result = await Checker().RunAsync(new CheckRequest("a"), null, CancellationToken.None);

        var a = Assert.Single(result.Tenants);
        Assert.Equal(TenantCheckState.Down, a.State);
        Assert.Equal("down: nothing of it runs", a.Reason);
        Assert.All(a.Checks, c => Assert.Equal(CheckStatus.NotRun, c.Status));
        Assert.Empty(_probe.Calls);
    }

    [Fact]
    public async Task RunOne_StoppedComponentWhileChecksPass_Down()
    {
        await TenantAsync("a");
        await _backend.StopComponentAsync("a", "app", default);

        var result = await Checker().RunAsync(new CheckRequest("a"), null, CancellationToken.None);

        Assert.Equal(TenantCheckState.Down, result.Tenants[0].State);
        Assert.Matches("^down: .*app Exited \\(0\\)$", result.Tenants[0].Reason);
    }

    [Fact]
    public async Task RunOne_ComponentRemovedFromUnderTheOthers_DownNamingItMissing()
    {
        await TenantAsync("a");
        _backend.Remove("a", $"container {Core.Stamps.StampNames.Container("a", "app")}");

        var result = await Checker().RunAsync(new CheckRequest("a"), null, CancellationToken.None);

        Assert.Equal(TenantCheckState.Down, result.Tenants[0].State);
        Assert.StartsWith("down: app missing", result.Tenants[0].Reason);
    }

    [Fact]
    public async Task RunOne_BetweenTheRenamesOfAQuietSwitch_AppIsNotMissing()
    {
        await TenantAsync("a");
        var app = Core.Stamps.StampNames.Container("a", "app");
        _backend.Remove("a", $"container {app}");
        _backend.Add("a", $"container {app}{Core.Stamps.StampNames.QuietOld}", $"container {app}{Core.Stamps.StampNames.QuietNext}");

        var result = await Checker().RunAsync(new CheckRequest("a"), null, CancellationToken.None);

        Assert.DoesNotContain("missing", result.Tenants[0].Reason ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeepTwo_HistoryBoundedNewestFirst_LastSuccessKept()
    {
        await TenantAsync("b");
        var checker = Checker();

        FleetCheckResult? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await checker.RunAsync(new CheckRequest("b") { Keep = 2 }, null, CancellationToken.None);
        }

        Assert.Equal(2, last!.History["b"].Count);
        Assert.True(last.History["b"][0].At >= last.History["b"][1].At);
        Assert.Null(last.LastSuccess("b"));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(4, 0)]
    public async Task Run_BadParallelOrKeep_BadInput(int parallel, int keep)
    {
        var e = await Assert.ThrowsAsync<BadInputException>(() => Checker().RunAsync(new CheckRequest(null, parallel) { Keep = keep }, null, CancellationToken.None));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
    }

    [Fact]
    public async Task RunOne_UnknownTenant_BadInput()
    {
        await Assert.ThrowsAsync<BadInputException>(() => Checker().RunAsync(new CheckRequest("nobody"), null, CancellationToken.None));
    }
}
