using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Lifecycle;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Capacity;
using Provisioner.Core.Tests.Fakes;

namespace Provisioner.Core.Tests.Lifecycle;

/// <summary>
/// <see cref="TenantOffboarder"/> after a crash between keeping the final backup and removing the tenant: the rerun takes no
/// second backup and only finishes the removal; and the states it refuses before any backup is taken.
/// </summary>
public sealed class OffboarderRerunTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly InMemoryBackend _backend = new();
    private readonly FakeLocks _locks = new();
    private readonly string _root = Directory.CreateTempSubdirectory("offboarder-").FullName;

    public OffboarderRerunTests() => _registry = new InMemoryRegistry(_time);

    private TenantOffboarder Offboarder() => new(
        _registry, _locks, _ => throw new InvalidOperationException("no backup may be taken"),
        _ => new TenantDestroyer(_registry, _locks, _backend, _root, _time, NullLogger<TenantDestroyer>.Instance),
        new OffboardCatalog(_root), _time, NullLogger<TenantOffboarder>.Instance);

    [Fact]
    public async Task Offboard_SetAlreadyKeptForThisTenant_NoSecondBackupRemovalFinished()
    {
        var tenant = Tenant(TenantStatus.Active);
        await _registry.SaveAsync(tenant);
        _backend.Add("acme", "container t-acme-app", "volume t-acme-db-data");
        var kept = new OffboardCatalog(_root).Keep(Backup(), tenant, _time.GetUtcNow(), _time.GetUtcNow().AddDays(30), 4);

        var result = await Offboarder().OffboardAsync("acme", TimeSpan.FromDays(30), null, CancellationToken.None);

        Assert.True(result.Resumed);
        Assert.Null(result.Backup);
        Assert.Equal(kept.Id, result.Set.Id);
        Assert.Empty(_registry.Tenants);
        Assert.Empty(_backend.ResourcesOf("acme"));
        Assert.True(Directory.Exists(kept.Folder));
        Assert.Equal(("offboard", JournalStatus.Succeeded), _registry.Journal.Operations.Select(o => (o.Kind, o.Status)).Last());
    }

    [Theory]
    [InlineData(TenantStatus.Suspended)]
    [InlineData(TenantStatus.Upgrading)]
    [InlineData(TenantStatus.Restoring)]
    public async Task Offboard_NotServingOrMidOperation_RefusedWithExit3NothingTaken(string status)
    {
        await _registry.SaveAsync(Tenant(status));

        var e = await Assert.ThrowsAnyAsync<ProvisionerException>(() => Offboarder().OffboardAsync("acme", TimeSpan.FromDays(30), null, CancellationToken.None));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        Assert.Single(_registry.Tenants);
        Assert.Empty(new OffboardCatalog(_root).List());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private TenantRecord Tenant(string status) =>
        new("acme", "notes", "1.0.0", "small", _backend.Kind, "memory-host", status, null, 20000, [1, 2], null, _time.GetUtcNow().AddDays(-9), _time.GetUtcNow());

    private BackupInfo Backup()
    {
        var folder = Path.Combine(_root, "acme", "manual-3-notes-1.0.0");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "db.sql.gz"), "x");
        new BackupSet(folder, "acme", "notes@1.0.0", _time.GetUtcNow(), [new BackupEntry("db", "postgres", "db.sql.gz", 1, "abc")]).Save();
        return new BackupCatalog(_root).List("acme").Single();
    }
}
