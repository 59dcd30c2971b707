using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Capacity;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>
/// <see cref="FleetUpgrader"/> (and the plan it runs, from <see cref="FleetPlanner"/>) against an in-memory registry and
/// journal, scripted per-tenant upgrades and a fake clock: waves, parallelism, halting, locks and resume.
/// </summary>
public sealed class FleetUpgraderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly ScriptedUpgrade _upgrade;
    private readonly FakeLocks _locks = new();

    public FleetUpgraderTests()
    {
        _registry = new InMemoryRegistry(_time);
        _upgrade = new ScriptedUpgrade(_registry, _time);
    }

    private FleetUpgrader Fleet() =>
        new(new InMemoryCatalog("1.0.0", "1.1.0"), _registry, _locks, _upgrade, "/backups", _time, NullLogger<FleetUpgrader>.Instance);

    private async Task TenantsAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await _registry.SaveAsync(new TenantRecord(
                name, "notes", "1.0.0", "small", Backends.BackendKind.Of("memory"), "memory-host", TenantStatus.Active, null, null, [], null, _time.GetUtcNow(), _time.GetUtcNow()));
        }
    }

    private static FleetRequest All(int parallel = 2, string waveSize = "2", int maxFailures = 0) =>
        new() { To = "1.1.0", All = true, Parallel = parallel, WaveSize = waveSize, MaxFailures = maxFailures };

    [Fact]
    public async Task Run_FiveTenants_CanaryFirstThenWavesAllUpgradedAndJournaled()
    {
        await TenantsAsync("e", "d", "c", "b", "a");

        var result = await Fleet().RunAsync(All(), null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("a", _upgrade.Started[0]);
        Assert.Equal(["a", "b", "c", "d", "e"], result.Tenants.Select(t => t.Tenant));
        Assert.Equal([0, 1, 1, 2, 2], result.Tenants.Select(t => t.Wave));
        Assert.All(result.Tenants, t => Assert.Equal(UpgradeOutcome.Upgraded, t.Outcome));
        Assert.All(_registry.Tenants, t => Assert.Equal("1.1.0", t.Version));
        Assert.Equal(TimeSpan.FromSeconds(50), result.Duration); // five upgrades of 10 s each on the fake clock
        var fleet = Assert.Single(_registry.Journal.Operations, o => o.Tenant == UpgradeJournalNames.FleetTenant);
        Assert.Equal((UpgradeJournalNames.FleetOperation, JournalStatus.Succeeded), (fleet.Kind, fleet.Status));
        Assert.Equal(["canary", "wave 1", "wave 2"], fleet.Steps.Select(s => s.Name));
        Assert.Equal("1.1.0", JsonSerializer.Deserialize<FleetRequest>(fleet.Detail)!.To);
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Run_CanaryRollsBack_HaltsAndNoOtherTenantIsStarted()
    {
        await TenantsAsync("a", "b", "c");
        _upgrade.Outcomes["a"] = UpgradeOutcome.RolledBack;

        var result = await Fleet().RunAsync(All(), null, CancellationToken.None);

        Assert.True(result.Halted);
        Assert.False(result.Succeeded);
        Assert.Equal(["a"], _upgrade.Started);
        Assert.Equal([UpgradeOutcome.RolledBack, UpgradeOutcome.NotReached, UpgradeOutcome.NotReached], result.Tenants.Select(t => t.Outcome));
        Assert.Contains("more than --max-failures 0", result.HaltReason);
        Assert.StartsWith("not started: the fleet halted", result.Tenants[1].Reason);
        Assert.Equal(["1.0.0", "1.0.0"], _registry.Tenants.Skip(1).Select(t => t.Version));
        var fleet = Assert.Single(_registry.Journal.Operations);
        Assert.Equal(JournalStatus.Failed, fleet.Status);
        Assert.Equal(("canary", JournalStatus.Failed), (fleet.Steps.Single().Name, fleet.Steps.Single().Status));
    }

    [Fact]
    public async Task Run_MaxFailures1_FirstFailureToleratedSecondHalts()
    {
        await TenantsAsync("a", "b", "c", "d");
        _upgrade.Outcomes["b"] = UpgradeOutcome.Failed;
        _upgrade.Outcomes["c"] = UpgradeOutcome.RolledBack;

        var result = await Fleet().RunAsync(All(parallel: 1, waveSize: "1", maxFailures: 1), null, CancellationToken.None);

        Assert.True(result.Halted);
        Assert.Equal(["a", "b", "c"], _upgrade.Started);
        Assert.Equal(2, result.Failures);
        Assert.Equal(UpgradeOutcome.NotReached, result.Tenants.Single(t => t.Tenant == "d").Outcome);
        Assert.Contains("2 failure(s), more than --max-failures 1", result.HaltReason);
    }

    [Fact]
    public async Task Run_NeedsAttention_HaltsEvenWithFailuresToSpare()
    {
        await TenantsAsync("a", "b", "c");
        _upgrade.Outcomes["b"] = UpgradeOutcome.NeedsAttention;

        var result = await Fleet().RunAsync(All(parallel: 1, waveSize: "1", maxFailures: 5), null, CancellationToken.None);

        Assert.True(result.Halted);
        Assert.Equal("b needs attention (its rollback failed)", result.HaltReason);
        Assert.Equal(["a", "b"], _upgrade.Started);
    }

    [Fact]
    public async Task Run_Parallel2_TwoAtATimeNeverMore()
    {
        await TenantsAsync("a", "b", "c", "d", "e");
        // Each wave's upgrades wait until two are running, so a fleet that ran them one by one would stop here (and fail
        // on the safety timeout), and one that ran more than two at once would show it in MostAtOnce.
        var pair = new TaskCompletionSource();
        var arrived = 0;
        _upgrade.During = async name =>
        {
            if (name == "a")
            {
                return; // the canary runs alone
            }

            TaskCompletionSource mine;
            lock (_upgrade)
            {
                mine = pair;
                if (++arrived % 2 == 0)
                {
                    pair = new TaskCompletionSource();
                    mine.SetResult();
                }
            }

            await mine.Task.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        };

        var result = await Fleet().RunAsync(All(parallel: 2, waveSize: "4"), null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(2, _upgrade.MostAtOnce);
        Assert.Equal(["canary", "wave 1"], _registry.Journal.Operations.Single().Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task Run_OneTenantLockedByAnotherCommand_IsAFailedResultWithTheHint()
    {
        await TenantsAsync("a", "b");
        _upgrade.Throws["b"] = new LockHeldException("tenant b", "destroy (pid 42)");

        var result = await Fleet().RunAsync(All(maxFailures: 1), null, CancellationToken.None);

        var b = result.Tenants.Single(t => t.Tenant == "b");
        Assert.Equal(UpgradeOutcome.Failed, b.Outcome);
        Assert.StartsWith("tenant b is locked by destroy (pid 42) (wait for that operation to finish", b.Reason);
        Assert.False(result.Halted);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Run_FleetLockHeld_ThrowsLockedAndUpgradesNothing()
    {
        await TenantsAsync("a");
        using var other = _locks.Acquire("fleet upgrade", "upgrade");

        await Assert.ThrowsAsync<LockHeldException>(() => Fleet().RunAsync(All(), null, CancellationToken.None));

        Assert.Empty(_upgrade.Started);
        Assert.Empty(_registry.Journal.Operations);
    }

    [Fact]
    public async Task Plan_UnknownTargetVersion_IsBadInputNamingTheVersionsThatExist()
    {
        await TenantsAsync("a");

        var e = await Assert.ThrowsAsync<BadInputException>(() => Fleet().PlanAsync(All() with { To = "2.0.0" }, CancellationToken.None));

        Assert.Contains("notes@2.0.0 does not exist", e.Message);
        Assert.Contains("notes@1.1.0", e.Hint);
    }

    [Fact]
    public async Task Plan_EachTenantShowsItsPath_AskedOncePerBackendVersionAndOwnPort()
    {
        // a (canary, first asked) has a port of its own: b and c, on the same version behind the edge, must not take its path.
        await TenantsAsync("a", "b", "c", "d");
        await _registry.SaveAsync(_registry["a"] with { HostPort = 20000 });
        await _registry.SaveAsync(_registry["d"] with { Version = "1.0.1" });
        _upgrade.Paths["1.0.0"] = UpgradePaths.Quiet;
        _upgrade.Paths["1.0.1"] = UpgradePaths.StopMigrate;

        var plan = await Fleet().PlanAsync(All(), CancellationToken.None);

        var paths = plan.Waves.SelectMany(w => w.Tenants).ToDictionary(t => t.Tenant, t => t.Path);
        Assert.Equal(UpgradePaths.InPlace, paths["a"]);
        Assert.Equal(UpgradePaths.Quiet, paths["b"]);
        Assert.Equal(UpgradePaths.Quiet, paths["c"]);
        Assert.Equal(UpgradePaths.StopMigrate, paths["d"]);
        Assert.Equal(3, _upgrade.PathsAsked);
        Assert.Empty(_upgrade.Started);
    }

    [Fact]
    public async Task Plan_BadParallelAndMonitor_IsBadInputNamingBoth()
    {
        await TenantsAsync("a");

        var e = await Assert.ThrowsAsync<BadInputException>(() => Fleet().PlanAsync(All(parallel: 0) with { MonitorSeconds = 4000 }, CancellationToken.None));

        Assert.Contains("--parallel must be at least 1", e.Message);
        Assert.Contains("--monitor must be 0-3600 seconds", e.Message);
    }

    [Fact]
    public async Task Resume_DeadFleetRun_ContinuesItsRequestWithoutRetryingItsLosses()
    {
        // A fleet run (parallel 1, waves of 1, max failures 1) died after upgrading a and losing b (rolled back).
        await TenantsAsync("a", "b", "c", "d");
        await _registry.SaveAsync(_registry["a"] with { Version = "1.1.0" });
        var request = All(parallel: 1, waveSize: "1", maxFailures: 1);
        var dead = _registry.Journal.Seed(UpgradeJournalNames.FleetTenant, UpgradeJournalNames.FleetOperation, JsonSerializer.Serialize(request),
            steps: [("canary", JournalStatus.Done), ("wave 1", JournalStatus.Running)]);
        _registry.Journal.Seed("b", UpgradeJournalNames.Operation, UpgradeJournalNames.Detail("notes@1.0.0", "notes@1.1.0", $"fleet={dead}"),
            JournalStatus.RolledBack, "health gate failed");
        var progress = new List<string>();

        var result = await Fleet().ResumeAsync(null, new InlineProgress(progress), CancellationToken.None);

        Assert.NotNull(result);
        Assert.True(result.Resumed);
        Assert.Contains($"== resuming fleet upgrade {dead} to 1.1.0 (its process died)", progress);
        Assert.Equal(["c", "d"], _upgrade.Started); // a is current, b was lost by the dead run and is not retried
        Assert.Equal(UpgradeOutcome.RolledBack, result.Tenants.Single(t => t.Tenant == "b").Outcome);
        Assert.Equal(1, result.Failures);
        Assert.False(result.Halted);
        Assert.Equal(JournalStatus.Interrupted, _registry.Journal.Operation(dead).Status);
        var resumed = JsonSerializer.Deserialize<FleetRequest>(_registry.Journal.Operations[^1].Detail)!;
        Assert.Equal(dead, resumed.Resumes);
    }

    [Fact]
    public async Task Resume_NothingDeadButATenantLeftUpgrading_SettlesItAndReturnsNull()
    {
        await TenantsAsync("a", "b");
        await _registry.SaveAsync(_registry["b"] with { Status = TenantStatus.Upgrading });

        var result = await Fleet().ResumeAsync(null, null, CancellationToken.None);

        Assert.Null(result);
        Assert.Equal(["b"], _upgrade.Recovered);
        Assert.Empty(_upgrade.Started);
    }

    [Fact]
    public async Task Resume_DeadRunToAnotherVersion_IsBadInput()
    {
        await TenantsAsync("a");
        _registry.Journal.Seed(UpgradeJournalNames.FleetTenant, UpgradeJournalNames.FleetOperation, JsonSerializer.Serialize(All()));

        var e = await Assert.ThrowsAsync<BadInputException>(() => Fleet().ResumeAsync(All() with { To = "1.0.0" }, null, CancellationToken.None));

        Assert.Contains("the interrupted fleet upgrade was to 1.1.0, not 1.0.0", e.Message);
        Assert.Empty(_upgrade.Started);
    }

    /// <summary>Records progress as it is reported.</summary>
    private sealed class InlineProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
