using Provisioner.Core.Errors;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

public sealed class PostgresDumpBackupsTests : IDisposable
{
    private static readonly DatabaseTarget Db = new("db", "notes", "postgres");

    private readonly string _folder = Directory.CreateTempSubdirectory("dump-tests-").FullName;

    private string Backup => Path.Combine(_folder, "upgrade-7-notes-1.0.0.sql");

    [Fact]
    public async Task Backup_Verified_KeepsTheChecksumBesideTheDump()
    {
        var backend = new FakeSqlBackend { Checksum = "2|777" };

        var info = await new PostgresDumpBackups(backend).BackupAsync("acme", Db, Backup, CancellationToken.None);

        Assert.Equal("2|777", info.Checksum);
        Assert.Equal("2|777", File.ReadAllText(PostgresDumpBackups.ChecksumFile(Backup)).Trim());
        Assert.Equal([Path.GetFileName(Backup), Path.GetFileName(Backup) + ".checksum"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Backup_LeftoversOfADeadDump_AreDeleted()
    {
        File.WriteAllText(Path.Combine(_folder, "upgrade-3-notes-1.0.0.sql.partial"), "half a dump");
        File.WriteAllText(Path.Combine(_folder, "upgrade-3-notes-1.0.0.sql.checksum.partial"), "2|");

        await new PostgresDumpBackups(new FakeSqlBackend()).BackupAsync("acme", Db, Backup, CancellationToken.None);

        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
    }

    [Fact]
    public async Task Restore_SameChecksum_ReplacesTheLiveDatabase()
    {
        var backend = new FakeSqlBackend { Checksum = "2|777" };
        await new PostgresDumpBackups(backend).BackupAsync("acme", Db, Backup, CancellationToken.None);

        await new PostgresDumpBackups(backend).RestoreAsync("acme", Db, Backup, CancellationToken.None);

        Assert.Contains(backend.Commands, c => c.EndsWith("drop database if exists \"notes\" with (force)", StringComparison.Ordinal));
        Assert.Contains(backend.Commands, c => c.EndsWith("alter database provision_restore rename to \"notes\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_ChecksumDiffers_LiveDatabaseUntouchedAndSaysSo()
    {
        var backend = new FakeSqlBackend { Checksum = "2|777" };
        await new PostgresDumpBackups(backend).BackupAsync("acme", Db, Backup, CancellationToken.None);
        backend.Checksum = "1|555"; // the file no longer loads the rows it was verified with
        backend.Commands.Clear();

        var e = await Assert.ThrowsAsync<ProvisionerException>(() => new PostgresDumpBackups(backend).RestoreAsync("acme", Db, Backup, CancellationToken.None));

        Assert.Contains("does not match the checksum taken when it was made (restored 1|555, expected 2|777)", e.Message);
        Assert.DoesNotContain(backend.Commands, c => c.Contains("drop database if exists \"notes\"", StringComparison.Ordinal) || c.Contains("rename to", StringComparison.Ordinal));
        Assert.EndsWith("drop database if exists provision_restore with (force)", backend.Commands[^1]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
