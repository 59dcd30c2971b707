using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioner.Core.Backups;
using Provisioner.Core.Cloning;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Core.Tests.Fakes;

namespace Provisioner.Core.Tests.Cloning;

/// <summary>
/// <see cref="TenantCloner"/>'s logic with recording steps: order and arguments, the mask choice, what is refused before anything
/// is made, and a rerun after a crash that reuses the complete copy.
/// </summary>
public sealed class TenantClonerTests : IDisposable
{
    private const string Masked = "data: { kind: postgres, database: notes, mask: { sql: \"update notes set body = 'masked'\" } }";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRegistry _registry;
    private readonly string _root = Directory.CreateTempSubdirectory("cloner-").FullName;
    private readonly List<string> _calls = [];
    private IDirectClone? _direct;
    private bool _provisionFails;
    private InMemoryCatalog _templates = new(new List<ProductTemplate> { TestTemplates.ParseNotes(TestTemplates.Notes.Replace("data: { kind: postgres, database: notes }", Masked)) });

    public TenantClonerTests() => _registry = new InMemoryRegistry(_time);

    [Fact]
    public async Task Clone_MaskDeclared_ProvisionsNewOnSourceVersionCopiesRestoresMaskedDeletesCopy()
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active, "large"));

        var result = await Cloner().CloneAsync(new CloneRequest("acme", "acme-dbg"), null, CancellationToken.None);

        Assert.Equal(["provision acme-dbg notes@1.1.0 large memory", "copy acme", "restore acme-dbg clone-from-acme mask=True"], _calls);
        Assert.Equal(["db"], result.Masked);
        Assert.False(result.Resumed);
        Assert.False(Directory.Exists(Path.Combine(_root, "acme-dbg", TenantCloner.CopyId("acme"))));
        var op = _registry.Journal.Operations.Single(o => o.Kind == TenantCloner.JournalKind);
        Assert.Equal(("acme-dbg", "from acme", JournalStatus.Succeeded), (op.Tenant, op.Detail, op.Status));
        Assert.Equal(["provision", "copy", "restore"], op.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task Clone_DirectCopySupported_StagesBesideNewAndSwapsNoBackupFolderLeft()
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));
        _direct = new RecordingDirectClone(_calls, supports: true);
        var earlier = Path.Combine(_root, "acme-dbg", TenantCloner.CopyId("acme"));
        WriteCopy(earlier);   // a dump an older, interrupted run took: not used, deleted

        var result = await Cloner().CloneAsync(new CloneRequest("acme", "acme-dbg"), null, CancellationToken.None);

        Assert.Equal(["begin acme -> acme-dbg", "provision acme-dbg notes@1.1.0 small memory", "stage acme -> acme-dbg mask=True", "release acme", "swap acme-dbg"], _calls);
        Assert.Equal((SourceCopy.Physical, 42L, TimeSpan.Zero), (result.Copy.Method, result.Copy.Set.Bytes, result.Copy.Paused));
        Assert.Equal(["db"], result.Masked);
        Assert.False(Directory.Exists(earlier));
        var op = _registry.Journal.Operations.Single(o => o.Kind == TenantCloner.JournalKind);
        Assert.Equal(JournalStatus.Succeeded, op.Status);
        Assert.Equal(["provision", "copy", "restore"], op.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task Clone_DirectCopyProvisionFails_SourceReleasedNothingStaged()
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));
        _direct = new RecordingDirectClone(_calls, supports: true);
        _provisionFails = true;

        await Assert.ThrowsAsync<ProvisionerException>(() => Cloner().CloneAsync(new CloneRequest("acme", "acme-dbg"), null, CancellationToken.None));

        Assert.Equal(["begin acme -> acme-dbg", "provision acme-dbg notes@1.1.0 small memory", "release acme"], _calls);
        Assert.Equal(JournalStatus.Failed, _registry.Journal.Operations.Single(o => o.Kind == TenantCloner.JournalKind).Status);
    }

    [Fact]
    public async Task Clone_DirectCopyNotSupported_TakesTheBackupPath()
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));
        _direct = new RecordingDirectClone(_calls, supports: false);

        await Cloner().CloneAsync(new CloneRequest("acme", "acme-dbg", Mask: MaskChoice.Skip), null, CancellationToken.None);

        Assert.Equal(["provision acme-dbg notes@1.1.0 small memory", "copy acme", "restore acme-dbg clone-from-acme mask=False"], _calls);
    }

    [Theory]
    [InlineData(MaskChoice.Skip, false)]
    [InlineData(MaskChoice.Required, true)]
    public async Task Clone_MaskChoice_PassedToTheRestore(MaskChoice choice, bool masked)
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));

        var result = await Cloner().CloneAsync(new CloneRequest("acme", "copy", "small", choice), null, CancellationToken.None);

        Assert.Equal($"restore copy clone-from-acme mask={masked}", _calls[^1]);
        Assert.Equal(masked ? ["db"] : [], result.Masked);
    }

    [Fact]
    public async Task Clone_MaskRequiredNoneDeclared_BadInputNothingMade()
    {
        _templates = new InMemoryCatalog("1.1.0");
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));

        var e = await Assert.ThrowsAsync<BadInputException>(() => Cloner().CloneAsync(new CloneRequest("acme", "copy", Mask: MaskChoice.Required), null, CancellationToken.None));

        Assert.Contains("--mask: notes@1.1.0 declares no mask", e.Message);
        AssertNothingMade();
    }

    [Fact]
    public async Task Clone_NoMaskDeclared_ExactCopy()
    {
        _templates = new InMemoryCatalog("1.1.0");
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));

        var result = await Cloner().CloneAsync(new CloneRequest("acme", "copy"), null, CancellationToken.None);

        Assert.Empty(result.Masked);
        Assert.Equal("restore copy clone-from-acme mask=False", _calls[^1]);
    }

    [Theory]
    [InlineData("nobody", "copy", "no tenant named 'nobody'")]
    [InlineData("acme", "acme", "a clone needs a new name")]
    [InlineData("acme", "Bad_Name", "Bad_Name")]
    [InlineData("acme", "taken", "a tenant named taken exists")]
    public async Task Clone_BadNames_BadInputNothingMade(string source, string name, string expected)
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));
        await _registry.SaveAsync(Tenant("taken", TenantStatus.Active));

        var e = await Assert.ThrowsAnyAsync<ProvisionerException>(() => Cloner().CloneAsync(new CloneRequest(source, name), null, CancellationToken.None));

        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Contains(expected, e.Message);
        AssertNothingMade();
    }

    [Fact]
    public async Task Clone_UnknownSize_BadInputListsSizes()
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));

        var e = await Assert.ThrowsAsync<BadInputException>(() => Cloner().CloneAsync(new CloneRequest("acme", "copy", "huge"), null, CancellationToken.None));

        Assert.Contains("'huge' is not a size of notes@1.1.0 (sizes: small, large)", e.Message);
        AssertNothingMade();
    }

    [Theory]
    [InlineData(TenantStatus.Suspended)]
    [InlineData(TenantStatus.Restoring)]
    [InlineData(TenantStatus.Upgrading)]
    public async Task Clone_SourceNotServing_Exit3NothingMade(string status)
    {
        await _registry.SaveAsync(Tenant("acme", status));

        var e = await Assert.ThrowsAnyAsync<ProvisionerException>(() => Cloner().CloneAsync(new CloneRequest("acme", "copy"), null, CancellationToken.None));

        Assert.Equal(ExitCodes.Locked, e.ExitCode);
        AssertNothingMade();
    }

    [Fact]
    public async Task Clone_RerunAfterCrash_ReusesTheCompleteCopyAndFinishes()
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));
        await _registry.SaveAsync(Tenant("copy", TenantStatus.Active));
        _registry.Journal.Seed("copy", TenantCloner.JournalKind, "from acme", JournalStatus.Running, null, ("provision", JournalStatus.Done), ("copy", JournalStatus.Done));
        WriteCopy(Path.Combine(_root, "copy", TenantCloner.CopyId("acme")));

        var result = await Cloner().CloneAsync(new CloneRequest("acme", "copy"), null, CancellationToken.None);

        Assert.True(result.Resumed);
        Assert.Equal(["provision copy notes@1.1.0 small memory", "restore copy clone-from-acme mask=True"], _calls);
        Assert.False(Directory.Exists(Path.Combine(_root, "copy", TenantCloner.CopyId("acme"))));
    }

    [Fact]
    public async Task Clone_UnfinishedCloneFromAnotherSource_BadInput()
    {
        await _registry.SaveAsync(Tenant("acme", TenantStatus.Active));
        await _registry.SaveAsync(Tenant("copy", TenantStatus.Active));
        _registry.Journal.Seed("copy", TenantCloner.JournalKind, "from other", JournalStatus.Failed);

        var e = await Assert.ThrowsAsync<BadInputException>(() => Cloner().CloneAsync(new CloneRequest("acme", "copy"), null, CancellationToken.None));

        Assert.Contains("copy is an unfinished clone from other", e.Message);
        Assert.Empty(_calls);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void AssertNothingMade()
    {
        Assert.Empty(_calls);
        Assert.DoesNotContain(_registry.Journal.Operations, o => o.Kind == TenantCloner.JournalKind);
    }

    private TenantCloner Cloner() => new(
        _templates,
        _registry,
        new BackupCatalog(_root),
        async (request, ct) =>
        {
            _calls.Add($"provision {request.Name} {request.Template} {request.Size} {request.Backend}");
            if (_provisionFails)
            {
                throw new ProvisionerException("does not fit", ExitCodes.CapacityNo);
            }

            var record = Tenant(request.Name, TenantStatus.Active, request.Size!);
            await _registry.SaveAsync(record, ct);
            return new ProvisionResult(record, [], Healthy(), false, null, TimeSpan.Zero);
        },
        (source, folder, _) =>
        {
            _calls.Add($"copy {source}");
            return Task.FromResult(new SourceCopy(source, WriteCopy(folder), [], TimeSpan.Zero));
        },
        (tenant, id, mask, _) =>
        {
            _calls.Add($"restore {tenant} {id} mask={mask}");
            var info = new BackupCatalog(_root).List(tenant).Single(b => b.Id == id);
            return Task.FromResult(new RestoreResult(tenant, info, ["app"], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), false, Healthy()));
        },
        _direct is null ? null : _ => _direct,
        _time,
        NullLogger<TenantCloner>.Instance);

    private BackupSet WriteCopy(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "db.sql.gz"), "x");
        var set = new BackupSet(folder, "acme", "notes@1.1.0", _time.GetUtcNow(), [new BackupEntry("db", "postgres", "db.sql.gz", 1, "abc")]);
        set.Save();
        return set;
    }

    private static HealthReport Healthy() => new(true, [], 1, TimeSpan.Zero, null);

    private TenantRecord Tenant(string name, string status, string size = "small") =>
        new(name, "notes", "1.1.0", size, new InMemoryBackend().Kind, "memory-host", status, null, 20000, [1, 2], null, _time.GetUtcNow().AddDays(-9), _time.GetUtcNow());
}
