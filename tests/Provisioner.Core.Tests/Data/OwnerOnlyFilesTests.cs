using Provisioner.Core.Data;

namespace Provisioner.Core.Tests.Data;

/// <summary>Backups are readable by their owner only, whatever the umask and whatever was there before.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OwnerOnlyFilesTests : IDisposable
{
    private const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _root = Directory.CreateTempSubdirectory("owner-only-").FullName;

    [Fact]
    public void CreateFolder_MissingParents_AllOwnerOnly()
    {
        var leaf = Path.Combine(_root, "backups", "acme", "upgrade-1");

        OwnerOnlyFiles.CreateFolder(leaf);

        Assert.Equal(ReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_root, "backups")));
        Assert.Equal(ReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(leaf));
    }

    [Fact]
    public void Create_FileThatWasWorldReadable_BecomesOwnerOnly()
    {
        var path = Path.Combine(_root, "db.sql.gz");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, ReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (var stream = OwnerOnlyFiles.Create(path))
        {
            stream.WriteByte(1);
        }

        Assert.Equal(ReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(1, new FileInfo(path).Length);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
