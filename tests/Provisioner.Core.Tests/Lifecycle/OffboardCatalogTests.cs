using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Lifecycle;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Lifecycle;

/// <summary>
/// Offboarded sets on disk: kept with their record (0600/0700), listed, never touched by retention nor listed as a tenant's
/// backups, copied back for a restore; purge selection takes only sets past their keep-until.
/// </summary>
public sealed class OffboardCatalogTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("offboard-catalog-").FullName;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Keep_CompleteSet_ListedWithItsRecordAndOwnerOnly()
    {
        var backup = Backup("acme", "manual-7-notes-1.0.0");

        var kept = new OffboardCatalog(_root).Keep(backup, Tenant("acme"), Now, Now.AddDays(30), 9);

        Assert.Equal("offboard-9-notes-1.0.0", kept.Id);
        Assert.Equal(("acme", "notes@1.0.0", "small", Now, Now.AddDays(30)), (kept.Tenant, kept.TemplateRef, kept.Size, kept.OffboardedAt, kept.KeepUntil));
        Assert.True(kept.Bytes > 0);
        Assert.Equal(kept, new OffboardCatalog(_root).List().Single());
        Assert.True(BackupSet.IsComplete(kept.Folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(kept.Folder));
        Assert.All(Directory.GetFiles(kept.Folder), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void Retention_AndTheTenantsBackupList_NeverSeeOffboardedSets()
    {
        var kept = new OffboardCatalog(_root).Keep(Backup("acme", "manual-1-notes-1.0.0"), Tenant("acme"), Now, Now.AddDays(30), 2);
        var catalog = new BackupCatalog(_root);

        var deleted = catalog.Prune("acme", new RetentionPolicy { Keep = 0, Daily = 0, Weekly = 0 }, null, NullLogger.Instance);

        Assert.Equal(["manual-1-notes-1.0.0"], deleted);
        Assert.True(Directory.Exists(kept.Folder));
        Assert.DoesNotContain(catalog.List(null), b => b.Tenant.StartsWith('.'));
    }

    [Fact]
    public void Retention_OffboardSetCopiedBackIntoTheTenantsFolder_NotPruned()
    {
        var kept = new OffboardCatalog(_root).Keep(Backup("acme", "manual-1-notes-1.0.0"), Tenant("acme"), Now, Now.AddDays(30), 2);
        var target = Path.Combine(_root, "acme", kept.Id);
        OffboardCatalog.CopyTo(kept, target);

        new BackupCatalog(_root).Prune("acme", new RetentionPolicy { Keep = 0, Daily = 0, Weekly = 0 }, null, NullLogger.Instance);

        Assert.True(BackupSet.IsComplete(target));
        Assert.Equal(BackupKinds.Offboard, new BackupCatalog(_root).List("acme").Single().Kind);
        Assert.False(File.Exists(Path.Combine(target, OffboardCatalog.RecordName)));
    }

    [Fact]
    public void PurgeSelection_ExpiredAndNot_OnlyThosePastKeepUntil()
    {
        var catalog = new OffboardCatalog(_root);
        catalog.Keep(Backup("old", "manual-1-notes-1.0.0"), Tenant("old"), Now.AddDays(-40), Now.AddDays(-10), 1);
        catalog.Keep(Backup("edge", "manual-2-notes-1.0.0"), Tenant("edge"), Now.AddDays(-30), Now, 2);
        catalog.Keep(Backup("young", "manual-3-notes-1.0.0"), Tenant("young"), Now.AddDays(-1), Now.AddSeconds(1), 3);

        var due = PurgeSelection.Due(catalog.List(), Now);

        Assert.Equal(["old", "edge"], due.Select(s => s.Tenant));
    }

    [Fact]
    public async Task Purge_DeletesOnlyExpiredSetsAndJournalsIt()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var registry = new Fakes.InMemoryRegistry(time);
        var catalog = new OffboardCatalog(_root);
        var expired = catalog.Keep(Backup("old", "manual-1-notes-1.0.0"), Tenant("old"), Now.AddDays(-40), Now.AddDays(-10), 1);
        var young = catalog.Keep(Backup("young", "manual-2-notes-1.0.0"), Tenant("young"), Now.AddDays(-1), Now.AddDays(29), 2);
        var purger = new OffboardPurger(registry, new Capacity.FakeLocks(), catalog, time, NullLogger<OffboardPurger>.Instance);

        var dry = await purger.PurgeAsync(dryRun: true, CancellationToken.None);
        Assert.True(Directory.Exists(expired.Folder));
        var result = await purger.PurgeAsync(dryRun: false, CancellationToken.None);

        Assert.Equal([expired.Id], dry.Deleted.Select(s => s.Id));
        Assert.Equal([expired.Id], result.Deleted.Select(s => s.Id));
        Assert.Equal([young.Id], result.Kept.Select(s => s.Id));
        Assert.False(Directory.Exists(expired.Folder));
        Assert.True(Directory.Exists(young.Folder));
        Assert.Equal(("old", "purge", JournalStatus.Succeeded), registry.Journal.Operations.Select(o => (o.Tenant, o.Kind, o.Status)).Single());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private BackupInfo Backup(string tenant, string id)
    {
        var folder = Path.Combine(_root, tenant, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "db.sql.gz"), "x");
        new BackupSet(folder, tenant, "notes@1.0.0", Now, [new BackupEntry("db", "postgres", "db.sql.gz", 1, "abc")]).Save();
        return new BackupCatalog(_root).List(tenant).Single(b => b.Id == id);
    }

    private static TenantRecord Tenant(string name) =>
        new(name, "notes", "1.0.0", "small", Backends.BackendKind.Of("docker"), "host", TenantStatus.Active, null, null, [], null, Now.AddDays(-100), Now);
}
