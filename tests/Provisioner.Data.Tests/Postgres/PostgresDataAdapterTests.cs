using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Data.Postgres;
using Provisioner.Data.Tests.Fakes;

namespace Provisioner.Data.Tests.Postgres;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PostgresDataAdapterTests : IDisposable
{
    private static readonly ComponentSpec Db = new(
        "db", ComponentKind.Service, "provisioner/postgres:15", null, null, false, new Dictionary<string, string>(), new Dictionary<string, string>(), [], [], [], 0, 0,
        new DataSpec("postgres", new Dictionary<string, string> { ["database"] = "notes" }));

    private readonly string _folder = Directory.CreateTempSubdirectory("pg-adapter-tests-").FullName;

    private readonly PostgresDataAdapter _adapter = new();

    private string Backup => Path.Combine(_folder, "db.sql.gz");

    [Fact]
    public async Task Backup_ScratchRestoreMatches_ReturnsTheChecksumAndKeepsTheFile()
    {
        var backend = new FakeSqlBackend { LiveChecksum = "2|777" };

        var checksum = await _adapter.BackupAsync(Target(backend), Backup, CancellationToken.None);

        Assert.Equal("2|777", checksum);
        Assert.Equal(["db.sql.gz"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Backup));
        Assert.Contains(backend.Commands, c => c.Contains("-d provision_verify", StringComparison.Ordinal) && c.EndsWith("< -- dump", StringComparison.Ordinal));
        Assert.EndsWith("drop database if exists \"provision_verify\" with (force)", backend.Commands[^1]);
    }

    [Fact]
    public async Task Backup_ScratchRestoreGivesAnotherChecksum_IsRefusedAndLeavesNoFile()
    {
        var backend = new FakeSqlBackend { LiveChecksum = "2|777" };
        backend.Checksums[PostgresDataAdapter.ScratchDatabase] = "1|555"; // the dump lost a row

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => _adapter.BackupAsync(Target(backend), Backup, CancellationToken.None));

        Assert.Contains("does not match its database (restored checksum 1|555, live 2|777)", e.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Restore_SameChecksum_ReplacesTheLiveDatabase()
    {
        var backend = new FakeSqlBackend { LiveChecksum = "2|777" };
        var checksum = await _adapter.BackupAsync(Target(backend), Backup, CancellationToken.None);
        backend.Checksums[PostgresDataAdapter.RestoreDatabase] = "2|777";

        await _adapter.RestoreAsync(Target(backend), Backup, checksum, CancellationToken.None);

        Assert.Contains(backend.Commands, c => c.EndsWith("drop database if exists \"notes\" with (force)", StringComparison.Ordinal));
        Assert.Contains(backend.Commands, c => c.EndsWith("alter database provision_restore rename to \"notes\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_ChecksumDiffers_LiveDatabaseUntouchedAndSaysSo()
    {
        var backend = new FakeSqlBackend { LiveChecksum = "2|777" };
        await _adapter.BackupAsync(Target(backend), Backup, CancellationToken.None);
        backend.Checksums[PostgresDataAdapter.RestoreDatabase] = "1|555"; // the file no longer loads the rows it was verified with
        backend.Commands.Clear();

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => _adapter.RestoreAsync(Target(backend), Backup, "2|777", CancellationToken.None));

        Assert.Contains("does not match the checksum taken when it was made (restored 1|555, expected 2|777)", e.Message);
        Assert.DoesNotContain(backend.Commands, c => c.Contains("drop database if exists \"notes\"", StringComparison.Ordinal) || c.Contains("rename to", StringComparison.Ordinal));
        Assert.EndsWith("drop database if exists \"provision_restore\" with (force)", backend.Commands[^1]);
    }

    [Fact]
    public async Task Restore_NotAGzipFile_LiveDatabaseUntouched()
    {
        var backend = new FakeSqlBackend();
        File.WriteAllText(Backup, "not gzip at all");

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => _adapter.RestoreAsync(Target(backend), Backup, "2|777", CancellationToken.None));

        Assert.Contains("the live database was left as it is", e.Message);
        Assert.DoesNotContain(backend.Commands, c => c.Contains("rename to", StringComparison.Ordinal));
    }

    private static DataTarget Target(FakeSqlBackend backend) => new("acme", Db, backend);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
