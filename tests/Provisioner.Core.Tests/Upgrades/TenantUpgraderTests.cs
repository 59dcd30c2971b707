using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NuGet.Versioning;
using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Capacity;
using Provisioner.Core.Tests.Fakes;
using Provisioner.Core.Tests.Health;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>
/// <see cref="TenantUpgrader"/> with its <see cref="UpgradeForward"/>, <see cref="MonitorWindow"/>, <see cref="UpgradeRollback"/> and
/// <see cref="UpgradeSettler"/>, against an in-memory registry, journal and backend, fake data adapters, scripted probes and a
/// fake clock; backup sets go to a temporary folder. The tracker test template, 2.0.0 to 2.1.0: a database (postgres,
/// serves its data), a queue, the web entry (its uploads are an archive: a second data component) and a worker; a 'before'
/// migration job and an 'after' seed job.
/// </summary>
public sealed class TenantUpgraderTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private static readonly string[] OldVersion =
        ["db tracker@2.0.0 running", "queue tracker@2.0.0 running", "web tracker@2.0.0 running", "worker tracker@2.0.0 running"];

    /// <summary>The database's image and settings are the same in both versions: it is not replaced, and keeps the label of the version that made it.</summary>
    private static readonly string[] NewVersion =
        ["db tracker@2.0.0 running", "queue tracker@2.1.0 running", "web tracker@2.1.0 running", "worker tracker@2.1.0 running"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly InMemoryBackend _backend = new();
    private readonly FakeLocks _locks = new();
    private readonly PrefixProtector _protector = new();
    private readonly FakeDataAdapter _postgres;
    private readonly FakeDataAdapter _archive;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "provision-upgrade-tests-" + Guid.NewGuid().ToString("N"));
    private InMemoryCatalog _catalog = InMemoryCatalog.Tracker("2.0.0", "2.1.0");
    private FakeProbe _probe = new((_, _) => true);

    public TenantUpgraderTests()
    {
        _registry = new InMemoryRegistry(_time);
        _postgres = new FakeDataAdapter("postgres", servesData: true, _backend.Calls);
        _archive = new FakeDataAdapter("archive", servesData: false, _backend.Calls);
    }

    private UpgradeSettings Settings => new()
    {
        BackupRoot = _root, MonitorWindow = TimeSpan.FromSeconds(30), MonitorInterval = TimeSpan.FromSeconds(1), KeepBackups = 2,
    };

    private string TenantBackups => Path.Combine(_root, "acme");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Upgrade_HealthyNewVersion_StopsWritersBacksUpEveryDataComponentAndRecordsTheNewVersionActive()
    {
        await TenantAsync();
        EarlierUpgrades(complete: [true, true, true]);

        var result = await UpgradeAsync();

        Assert.Equal(("acme", "2.0.0", "2.1.0", UpgradeOutcome.Upgraded, null), (result.Tenant, result.From, result.To, result.Outcome, result.Reason));
        var tenant = _registry["acme"];
        Assert.Equal(("2.1.0", TenantStatus.Active, null), (tenant.Version, tenant.Status, tenant.LastError));
        Assert.Equal(NewVersion, _backend.ContainersOf("acme"));

        // Every component but the database server stopped, all before the first copy.
        Assert.Equal(["stop acme queue", "stop acme web", "stop acme worker"], _backend.Calls.Where(c => c.StartsWith("stop ", StringComparison.Ordinal)));
        Assert.Equal(["backup acme db", "backup acme web"], _backend.Calls.Where(c => c.StartsWith("backup ", StringComparison.Ordinal)));
        Assert.True(_backend.Calls.LastIndexOf("stop acme worker") < _backend.Calls.IndexOf("backup acme db"));
        Assert.True(_backend.Calls.IndexOf("backup acme web") < _backend.Calls.IndexOf("apply acme"), "backed up before the new version was applied");
        Assert.Empty(_postgres.Restores.Concat(_archive.Restores));

        // One complete set: an entry per data component and its manifest.
        var upgrade = _registry.Journal.Operations[^1];
        Assert.Equal(Path.Combine(TenantBackups, $"upgrade-{upgrade.Id}-tracker-2.0.0"), result.Backup);
        var set = BackupSet.Load(result.Backup!);
        Assert.Equal(("acme", "tracker@2.0.0"), (set.Tenant, set.Template));
        Assert.Equal(
            ["db postgres db.sql.gz sha256:postgres-1", "web archive web.tar sha256:archive-1"],
            set.Entries.Select(e => $"{e.Component} {e.Kind} {e.File} {e.Checksum}"));
        Assert.All(set.Entries, e => Assert.True(File.Exists(Path.Combine(set.Folder, e.File)) && e.Bytes > 0));

        // Journaled: preflight, backup, the new version's changes, health gate, monitor window.
        Assert.Equal((UpgradeJournalNames.Operation, "tracker@2.0.0 -> tracker@2.1.0", JournalStatus.Succeeded), (upgrade.Kind, upgrade.Detail, upgrade.Status));
        var steps = upgrade.Steps.Select(s => s.Name).ToList();
        Assert.Equal(["preflight", "backup"], steps[..2]);
        Assert.Equal(["health", "monitor"], steps[^2..]);
        Assert.Contains("run job", steps[2..^2]);
        Assert.Contains("replace container", steps[2..^2]);
        Assert.All(upgrade.Steps, s => Assert.Equal(JournalStatus.Done, s.Status));
        Assert.True(result.Duration >= Settings.MonitorWindow, $"the monitor window lasted its {Settings.MonitorWindow} ({result.Duration})");
        Assert.True(result.Downtime is { } down && down >= TimeSpan.Zero && down <= result.Duration - Settings.MonitorWindow, $"down from the stop to the gate, not the monitor window ({result.Downtime})");
        Assert.True(_probe.Calls["worker:exec /app/tracker check-worker"] > 10, "the monitor window polled the checks");

        // Pruned to the newest two sets (KeepBackups).
        Assert.Equal(["upgrade-3-tracker-1.2.0", $"upgrade-{upgrade.Id}-tracker-2.0.0"], BackupSets());
        Assert.Equal(["tenant acme"], _locks.Taken);
        Assert.Empty(_locks.Held);
    }

    [Fact]
    public async Task Upgrade_HealthyNewVersion_PrunesUnfinishedBackupSetsToo()
    {
        await TenantAsync();
        EarlierUpgrades(complete: [true, true, false]);

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.Upgraded, result.Outcome);
        Assert.Equal(["upgrade-2-tracker-1.1.0", Path.GetFileName(result.Backup!)], BackupSets());
    }

    [Fact]
    public async Task Upgrade_ImageMissingAtPreflight_ChangesNothingAndStartsTheOldVersionAgain()
    {
        await TenantAsync();
        _backend.PreflightError = new ProvisionerException("image tracker-app:2.1.0 is not on memory-host");

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.Failed, result.Outcome);
        Assert.Equal("image tracker-app:2.1.0 is not on memory-host", result.Reason);
        Assert.Null(result.Backup);
        var tenant = _registry["acme"];
        Assert.Equal(("2.0.0", TenantStatus.Active), (tenant.Version, tenant.Status));
        Assert.Equal(["preflight acme", "apply acme"], _backend.Calls); // nothing stopped or copied; the old stamp applied again
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
        Assert.Empty(BackupSets());
        var upgrade = Assert.Single(_registry.Journal.Operations);
        Assert.Equal((JournalStatus.Failed, "image tracker-app:2.1.0 is not on memory-host"), (upgrade.Status, upgrade.Error));
    }

    [Fact]
    public async Task Upgrade_ImageMissingAtPreflight_EndsThePreflightStepFailed()
    {
        await TenantAsync();
        _backend.PreflightError = new ProvisionerException("image tracker-app:2.1.0 is not on memory-host");

        await UpgradeAsync();

        var preflight = Assert.Single(_registry.Journal.Operations.Single().Steps);
        Assert.Equal(("preflight", JournalStatus.Failed), (preflight.Name, preflight.Status));
    }

    [Fact]
    public async Task Upgrade_BackupFails_StartsTheOldVersionAgainActiveAndLeavesNoHalfWrittenSet()
    {
        await TenantAsync();
        _archive.BackupError = new IOException("no space left on device writing web.tar");

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.Failed, result.Outcome);
        Assert.Equal("no space left on device writing web.tar", result.Reason);
        var tenant = _registry["acme"];
        Assert.Equal(("2.0.0", TenantStatus.Active), (tenant.Version, tenant.Status));
        Assert.Equal(["backup acme db", "backup acme web"], _backend.Calls.Where(c => c.StartsWith("backup ", StringComparison.Ordinal)));
        Assert.Equal(OldVersion, _backend.ContainersOf("acme")); // the stopped writers run again, nothing of 2.1.0 started
        Assert.Empty(BackupSets()); // the database's copy was written, then removed with its folder
        Assert.Empty(_postgres.Restores);
        var upgrade = Assert.Single(_registry.Journal.Operations);
        Assert.Equal(JournalStatus.Failed, upgrade.Status);
        Assert.Equal((UpgradeJournalNames.BackupStep, JournalStatus.Failed), (upgrade.Steps[1].Name, upgrade.Steps[1].Status));
        Assert.DoesNotContain(upgrade.Steps, s => s.Name == UpgradeJournalNames.HealthStep);
    }

    [Fact]
    public async Task Upgrade_BackupFailsAndTheOldVersionDoesNotStart_MarksTheTenantFailed()
    {
        await TenantAsync();
        _archive.BackupError = new IOException("no space left on device writing web.tar");
        _backend.FailOn = "t-acme-web";

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.Failed, result.Outcome);
        Assert.StartsWith("no space left on device writing web.tar; and tracker@2.0.0 did not come back", result.Reason);
        Assert.Contains("provision tenant acme", result.Reason);
        Assert.Equal(("2.0.0", TenantStatus.Failed), (_registry["acme"].Version, _registry["acme"].Status));
        Assert.Empty(BackupSets());
    }

    [Fact]
    public async Task Upgrade_MigrationJobFails_RollsBackWithEveryDataComponentRestored()
    {
        await TenantAsync();
        _backend.FailOn = "t-acme-migrate";

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.RolledBack, result.Outcome);
        Assert.NotNull(result.Downtime);
        Assert.Equal("job t-acme-migrate failed (exit 1).", result.Reason);
        Assert.Equal("migration job", result.FailingCheck);
        Assert.Equal(_backend.JobLog, result.LogTail);
        var tenant = _registry["acme"];
        Assert.Equal(("2.0.0", TenantStatus.RolledBack, result.Reason), (tenant.Version, tenant.Status, tenant.LastError));
        AssertRestoredFrom(result.Backup!);
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));

        // The rollback stopped the jobs and the writers again before it touched the data.
        var rollbackStart = _backend.Calls.IndexOf("stop acme migrate");
        Assert.True(rollbackStart > 0);
        Assert.Equal(
            ["stop acme migrate", "stop acme seed", "stop acme queue", "stop acme web", "stop acme worker"],
            _backend.Calls.Skip(rollbackStart).Where(c => c.StartsWith("stop ", StringComparison.Ordinal)));
        Assert.True(_backend.Calls.LastIndexOf("stop acme worker") < _backend.Calls.IndexOf("restore acme db"));

        var upgrade = Assert.Single(_registry.Journal.Operations);
        Assert.Equal((JournalStatus.RolledBack, result.Reason), (upgrade.Status, upgrade.Error));
        Assert.Contains(upgrade.Steps, s => s is { Name: "run job", Status: JournalStatus.Failed });
        Assert.Equal(JournalStatus.Done, upgrade.Steps.Single(s => s.Name == UpgradeJournalNames.RollbackStep).Status);
        Assert.True(BackupSet.IsComplete(result.Backup!), "the backup is kept after a rollback");
    }

    [Fact]
    public async Task Upgrade_HealthGateFails_RollsBackWithTheFailingCheckAndItsLogs()
    {
        await TenantAsync();
        _probe = new FakeProbe((check, target, _) => !(check == "web:http /readyz" && target.Template.Version == NuGetVersion.Parse("2.1.0")));

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.RolledBack, result.Outcome);
        Assert.StartsWith("health gate failed: web:http /readyz: attempt", result.Reason);
        Assert.Contains("(still failing after 10 s)", result.Reason);
        Assert.Equal(("web:http /readyz", "acme web: last 20 lines"), (result.FailingCheck, result.LogTail));
        Assert.Equal(("2.0.0", TenantStatus.RolledBack), (_registry["acme"].Version, _registry["acme"].Status));
        AssertRestoredFrom(result.Backup!);
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
        var steps = _registry.Journal.Operations.Single().Steps;
        Assert.Equal(
            [(UpgradeJournalNames.HealthStep, JournalStatus.Failed), (UpgradeJournalNames.RollbackStep, JournalStatus.Done)],
            steps.Where(s => s.Name is UpgradeJournalNames.HealthStep or UpgradeJournalNames.RollbackStep).Select(s => (s.Name, s.Status)));
        Assert.DoesNotContain(steps, s => s.Name == "monitor");
    }

    [Fact]
    public async Task Upgrade_WorkerRestartsInTheMonitorWindow_RollsBack()
    {
        await TenantAsync();
        _backend.RestartOnObservation("acme", "worker", observation: 3); // the window's first look is the baseline

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.RolledBack, result.Outcome);
        Assert.StartsWith("worker restarted 2.0 s into the monitor window", result.Reason);
        Assert.Equal(("worker:running", "acme worker: last 20 lines"), (result.FailingCheck, result.LogTail));
        Assert.Equal(("2.0.0", TenantStatus.RolledBack), (_registry["acme"].Version, _registry["acme"].Status));
        AssertRestoredFrom(result.Backup!);
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
        var monitor = _registry.Journal.Operations.Single().Steps.Single(s => s.Name == "monitor");
        Assert.Equal((JournalStatus.Failed, result.Reason), (monitor.Status, monitor.Detail));
    }

    [Fact]
    public async Task Upgrade_RestoreFailsDuringTheRollback_NeedsAttentionWithTheBackupKeptAndNamed()
    {
        await TenantAsync();
        _backend.FailOn = "t-acme-migrate";
        _postgres.RestoreError = new IOException("pg_restore: connection to server lost");

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.NeedsAttention, result.Outcome);
        Assert.StartsWith("rollback to tracker@2.0.0 failed: pg_restore: connection to server lost (the upgrade had failed: job t-acme-migrate failed (exit 1).)", result.Reason);
        Assert.EndsWith($"; backup kept at {result.Backup}", result.Reason);
        var tenant = _registry["acme"];
        Assert.Equal((TenantStatus.NeedsAttention, result.Reason), (tenant.Status, tenant.LastError));
        Assert.True(BackupSet.IsComplete(result.Backup!), "the named backup is still there, complete");
        var upgrade = Assert.Single(_registry.Journal.Operations);
        Assert.Equal((JournalStatus.Failed, result.Reason), (upgrade.Status, upgrade.Error));
        Assert.Equal(JournalStatus.Failed, upgrade.Steps.Single(s => s.Name == UpgradeJournalNames.RollbackStep).Status);
    }

    [Theory]
    [InlineData("database: tracker", "database: items", "changes its data components (db (postgres), web (archive) -> db (postgres), web (archive))")]
    [InlineData("image: provisioner/postgres:15", "image: provisioner/postgres:16", "changes the image of db, which serves the data")]
    public async Task Upgrade_DataComponentsChange_IsRefusedBeforeTouchingAnything(string from, string to, string reason)
    {
        _catalog = InMemoryCatalog.Tracker("2.0.0").With(TestTemplates.TrackerAt("2.1.0", TestTemplates.Tracker.Replace(from, to, StringComparison.Ordinal)));
        var before = await TenantAsync();

        var result = await UpgradeAsync();

        Assert.Equal(UpgradeOutcome.Failed, result.Outcome);
        Assert.Contains($"tracker@2.0.0 -> tracker@2.1.0 {reason}", result.Reason);
        Assert.Equal(before, _registry["acme"]);
        Assert.Empty(_backend.Calls);
        Assert.Empty(_registry.Journal.Operations);
        Assert.False(Directory.Exists(TenantBackups));
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
    }

    [Fact]
    public async Task Upgrade_BackendCannotStopAComponent_IsRefusedWithTheReason()
    {
        var before = await TenantAsync();

        var result = await _time.RunAsync(
            () => Upgrader(new UncontrolledBackend(_backend)).UpgradeAsync("acme", NuGetVersion.Parse("2.1.0"), Settings, null, null, CancellationToken.None), Step);

        Assert.Equal(UpgradeOutcome.Failed, result.Outcome);
        Assert.Equal("the rollout backend cannot stop a component, which an upgrade with a backup needs", result.Reason);
        Assert.Null(result.Downtime);
        Assert.Equal(before, _registry["acme"]);
        Assert.Empty(_backend.Calls);
        Assert.Empty(_registry.Journal.Operations);
        Assert.False(Directory.Exists(TenantBackups));
    }

    [Fact]
    public async Task Upgrade_TenantLocked_ThrowsLockHeldAndChangesNothing()
    {
        var before = await TenantAsync();
        using var other = _locks.Acquire("tenant acme", "destroy");

        var e = await Assert.ThrowsAsync<LockHeldException>(UpgradeAsync);

        Assert.Equal(("tenant acme", ExitCodes.Locked), (e.Resource, e.ExitCode));
        Assert.Equal(before, _registry["acme"]);
        Assert.Empty(_backend.Calls);
        Assert.Empty(_registry.Journal.Operations);
    }

    [Fact]
    public async Task Recover_InterruptedBeforeTheBackupWasComplete_StartsTheOldVersionAgainActive()
    {
        await TenantAsync(status: TenantStatus.Upgrading);
        await StopWritersAsync();
        var dead = _registry.Journal.Seed(
            "acme", UpgradeJournalNames.Operation, "tracker@2.0.0 -> tracker@2.1.0", JournalStatus.Running, null,
            [("preflight", JournalStatus.Done, "data 8192 bytes"), (UpgradeJournalNames.BackupStep, JournalStatus.Running, SetFolder(1))]);
        Directory.CreateDirectory(SetFolder(1));
        await File.WriteAllTextAsync(Path.Combine(SetFolder(1), "db.sql.gz.partial"), "half a dump");
        _backend.Calls.Clear();

        var tenant = await RecoverAsync(retryNeedsAttention: false);

        Assert.Equal(("2.0.0", TenantStatus.Active), (tenant.Version, tenant.Status));
        Assert.Equal(tenant, _registry["acme"]);
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
        Assert.Empty(BackupSets()); // the dead process's unfinished set is removed
        Assert.DoesNotContain(_backend.Calls, c => c.StartsWith("restore ", StringComparison.Ordinal) || c.StartsWith("backup ", StringComparison.Ordinal));
        Assert.Equal(JournalStatus.Interrupted, _registry.Journal.Operation(dead).Status);
        var settle = _registry.Journal.Operations[^1];
        Assert.Equal(("settle", JournalStatus.Succeeded), (settle.Kind, settle.Status));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Recover_InterruptedAfterTheHealthGatePassed_FinishesForwardOnTheNewVersion(bool edgeProxyDown)
    {
        // An edge proxy that is down is not the tenant's change: the settle brings it back and still finishes forward.
        if (edgeProxyDown)
        {
            _backend.AlsoPlanned.Add(new PlannedChange(ChangeKind.Start, ResourceType.EdgeProxy, "provision-edge", "stopped"));
        }

        await TenantAsync(status: TenantStatus.Upgrading);
        var backup = await BackupAsync(operation: 1);
        await ApplyAsync("2.1.0");
        var dead = _registry.Journal.Seed(
            "acme", UpgradeJournalNames.Operation, "tracker@2.0.0 -> tracker@2.1.0", JournalStatus.Running, null,
            [("preflight", JournalStatus.Done, "data"), (UpgradeJournalNames.BackupStep, JournalStatus.Done, backup), ("replace container", JournalStatus.Done, "t-acme-web"),
            (UpgradeJournalNames.HealthStep, JournalStatus.Done, "health gate"), ("monitor", JournalStatus.Running, "30 s")]);
        _backend.Calls.Clear();

        var tenant = await RecoverAsync(retryNeedsAttention: false);

        Assert.Equal(("2.1.0", TenantStatus.Active, null), (tenant.Version, tenant.Status, tenant.LastError));
        Assert.Equal(tenant, _registry["acme"]);
        Assert.Equal(NewVersion, _backend.ContainersOf("acme"));
        Assert.DoesNotContain(_backend.Calls, c => c.StartsWith("restore ", StringComparison.Ordinal) || c.StartsWith("stop ", StringComparison.Ordinal));
        Assert.Equal(JournalStatus.Interrupted, _registry.Journal.Operation(dead).Status);
        var settle = _registry.Journal.Operations[^1];
        Assert.Equal(("settle", JournalStatus.Succeeded), (settle.Kind, settle.Status));
        Assert.True(BackupSet.IsComplete(backup));
    }

    [Fact]
    public async Task Recover_InterruptedAfterTheBackupBeforeTheHealthGate_RollsBackWithTheRestore()
    {
        await TenantAsync(status: TenantStatus.Upgrading);
        var backup = await BackupAsync(operation: 1);
        await ApplyAsync("2.1.0");
        var dead = _registry.Journal.Seed(
            "acme", UpgradeJournalNames.Operation, "tracker@2.0.0 -> tracker@2.1.0", JournalStatus.Running, null,
            [("preflight", JournalStatus.Done, "data"), (UpgradeJournalNames.BackupStep, JournalStatus.Done, backup), ("run job", JournalStatus.Done, "t-acme-migrate"),
            ("replace container", JournalStatus.Running, "t-acme-web")]);
        _backend.Calls.Clear();

        var tenant = await RecoverAsync(retryNeedsAttention: false);

        Assert.Equal(("2.0.0", TenantStatus.RolledBack), (tenant.Version, tenant.Status));
        Assert.Equal($"the upgrade to tracker@2.1.0 was interrupted (operation {dead})", tenant.LastError);
        Assert.Equal(tenant, _registry["acme"]);
        AssertRestoredFrom(backup);
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
        Assert.Equal(JournalStatus.Interrupted, _registry.Journal.Operation(dead).Status);
        var rollback = _registry.Journal.Operations[^1];
        Assert.Equal((UpgradeJournalNames.Operation, JournalStatus.RolledBack), (rollback.Kind, rollback.Status));
        Assert.Equal($"tracker@2.0.0 -> tracker@2.0.0 (rollback of operation {dead})", rollback.Detail);
        Assert.Equal(
            [(UpgradeJournalNames.BackupStep, JournalStatus.Done), (UpgradeJournalNames.RollbackStep, JournalStatus.Done)],
            rollback.Steps.Where(s => s.Name is UpgradeJournalNames.BackupStep or UpgradeJournalNames.RollbackStep).Select(s => (s.Name, s.Status)));
    }

    [Fact]
    public async Task Recover_InterruptedWithTheDatabaseStopped_StartsItBeforeTheRestore()
    {
        // The process died mid-apply and the database server was left stopped (an engine restart, say): a restore runs inside it.
        await TenantAsync(status: TenantStatus.Upgrading);
        var backup = await BackupAsync(operation: 1);
        await ApplyAsync("2.1.0");
        await _backend.StopComponentAsync("acme", "db", CancellationToken.None);
        _registry.Journal.Seed(
            "acme", UpgradeJournalNames.Operation, "tracker@2.0.0 -> tracker@2.1.0", JournalStatus.Running, null,
            [("preflight", JournalStatus.Done, "data"), (UpgradeJournalNames.BackupStep, JournalStatus.Done, backup), ("replace container", JournalStatus.Running, "t-acme-db")]);
        _backend.Calls.Clear();

        var tenant = await RecoverAsync(retryNeedsAttention: false);

        Assert.Equal(("2.0.0", TenantStatus.RolledBack), (tenant.Version, tenant.Status)); // the fake adapter refuses to restore into a stopped server
        AssertRestoredFrom(backup);
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
    }

    [Fact]
    public async Task Recover_NeedsAttentionNotAskedByName_LeavesItAsItIs()
    {
        await TenantAsync();
        _backend.FailOn = "t-acme-migrate";
        _postgres.RestoreError = new IOException("pg_restore: connection to server lost");
        await UpgradeAsync();
        var stuck = _registry["acme"];
        var (calls, operations) = (_backend.Calls.Count, _registry.Journal.Operations.Count);

        var tenant = await RecoverAsync(retryNeedsAttention: false);

        Assert.Equal(stuck, tenant);
        Assert.Equal(TenantStatus.NeedsAttention, _registry["acme"].Status);
        Assert.Equal((calls, operations), (_backend.Calls.Count, _registry.Journal.Operations.Count));
    }

    [Fact]
    public async Task Recover_NeedsAttentionAskedByName_RetriesTheRollbackFromTheKeptBackup()
    {
        await TenantAsync();
        _backend.FailOn = "t-acme-migrate";
        _postgres.RestoreError = new IOException("pg_restore: connection to server lost");
        var failed = await UpgradeAsync();
        Assert.Equal(UpgradeOutcome.NeedsAttention, failed.Outcome);
        _postgres.RestoreError = null; // a person fixed the database server
        _postgres.Restores.Clear();

        var tenant = await RecoverAsync(retryNeedsAttention: true);

        Assert.Equal(("2.0.0", TenantStatus.RolledBack), (tenant.Version, tenant.Status));
        Assert.Equal($"rollback retried by hand after: {failed.Reason}", tenant.LastError);
        Assert.Equal(tenant, _registry["acme"]);
        AssertRestoredFrom(failed.Backup!);
        Assert.Equal(OldVersion, _backend.ContainersOf("acme"));
        var retried = _registry.Journal.Operations[^1];
        Assert.Equal((UpgradeJournalNames.Operation, JournalStatus.RolledBack), (retried.Kind, retried.Status));
        Assert.Equal((UpgradeJournalNames.BackupStep, failed.Backup), (retried.Steps[0].Name, retried.Steps[0].Detail));
    }

    private TenantUpgrader Upgrader(ITenantBackend? backend = null)
    {
        var b = backend ?? _backend;
        return new TenantUpgrader(
            _catalog, _registry, _locks, b, _protector, new TenantData(new DataAdapters([_postgres, _archive]), b, _time),
            new HealthGate([_probe], _time, new HealthGateOptions { Deadline = TimeSpan.FromSeconds(10) }),
            new ProvisionerOptions(), _time, NullLogger<TenantUpgrader>.Instance);
    }

    private Task<TenantUpgradeResult> UpgradeAsync() =>
        _time.RunAsync(() => Upgrader().UpgradeAsync("acme", NuGetVersion.Parse("2.1.0"), Settings, null, null, CancellationToken.None), Step);

    private Task<TenantRecord> RecoverAsync(bool retryNeedsAttention) =>
        _time.RunAsync(() => Upgrader().RecoverAsync("acme", retryNeedsAttention, null, CancellationToken.None), Step);

    /// <summary>acme on the tracker at <paramref name="version"/>, recorded and running; the backend's call list is cleared.</summary>
    private async Task<TenantRecord> TenantAsync(string version = "2.0.0", string status = TenantStatus.Active)
    {
        var secrets = new TenantSecrets(new Dictionary<string, string> { ["db_password"] = "password-of-acme-0123456789abcdef" });
        var now = _time.GetUtcNow();
        var tenant = new TenantRecord(
            "acme", "tracker", version, "small", BackendKind.Of("memory"), "memory-host", status, "http://127.0.0.1:20000", 20000,
            secrets.Seal(_protector, "acme"), null, now, now);
        await _registry.SaveAsync(tenant);
        await ApplyAsync(version);
        _backend.Calls.Clear();
        return tenant;
    }

    /// <summary>The tracker at <paramref name="version"/> applied to acme (as a run of the upgrader would have).</summary>
    private async Task ApplyAsync(string version)
    {
        var tenant = _registry["acme"];
        var stamp = StampBuilder.Build(_catalog.Resolve(new TemplateRef("tracker", NuGetVersion.Parse(version))), tenant, "127.0.0.1");
        await _backend.ApplyAsync(stamp, TenantSecrets.Open(_protector, tenant.EncryptedSecrets, tenant.Name), new ApplyContext((_, _) => Task.CompletedTask, _ => Task.CompletedTask, _ => Task.CompletedTask), CancellationToken.None);
    }

    private async Task StopWritersAsync()
    {
        foreach (var writer in new[] { "queue", "web", "worker" })
        {
            await _backend.StopComponentAsync("acme", writer, CancellationToken.None);
        }
    }

    /// <summary>A complete backup set of acme's 2.0.0 data, as the upgrade <paramref name="operation"/> would have taken it (writers stopped).</summary>
    private async Task<string> BackupAsync(long operation)
    {
        await StopWritersAsync();
        var set = await new TenantData(new DataAdapters([_postgres, _archive]), _backend, _time)
            .BackupAsync("acme", TestTemplates.TrackerAt("2.0.0"), SetFolder(operation), null, CancellationToken.None);
        _postgres.Calls.Clear();
        return set.Folder;
    }

    private string SetFolder(long operation) => UpgradeBackups.Folder(_root, "acme", operation, TestTemplates.TrackerAt("2.0.0"));

    /// <summary>
    /// Three earlier upgrades of acme, journaled (operations 1 to 3, so the next is 4), each with its backup set, complete
    /// or left unfinished by a dead process.
    /// </summary>
    private void EarlierUpgrades(bool[] complete)
    {
        string[] versions = ["1.0.0", "1.1.0", "1.2.0"];
        for (var i = 0; i < versions.Length; i++)
        {
            var id = _registry.Journal.Seed("acme", UpgradeJournalNames.Operation, $"tracker@{versions[i]} -> tracker@2.0.0", JournalStatus.Succeeded);
            OldSet($"upgrade-{id}-tracker-{versions[i]}", complete[i]);
        }
    }

    private void OldSet(string name, bool complete)
    {
        var folder = Directory.CreateDirectory(Path.Combine(TenantBackups, name)).FullName;
        File.WriteAllText(Path.Combine(folder, complete ? "db.sql.gz" : "db.sql.gz.partial"), "old");
        if (complete)
        {
            File.WriteAllText(Path.Combine(folder, BackupSet.ManifestName), "{}");
        }
    }

    private List<string> BackupSets() =>
        Directory.Exists(TenantBackups)
            ? Directory.GetDirectories(TenantBackups, UpgradeBackups.Prefix + "*").Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Both data components restored, each from its file in <paramref name="backup"/> with the checksum the set recorded.</summary>
    private void AssertRestoredFrom(string backup)
    {
        Assert.Equal([("acme", "db", Path.Combine(backup, "db.sql.gz"), "sha256:postgres-1")], _postgres.Restores);
        Assert.Equal([("acme", "web", Path.Combine(backup, "web.tar"), "sha256:archive-1")], _archive.Restores);
    }
}
