using System.Diagnostics;
using Provisioner.Data.Archive;

namespace Provisioner.Data.Tests.Archive;

/// <summary>The checksum computed from an archive here equals the one the shell computes over the live folder.</summary>
public sealed class ArchiveChecksumTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archive-checksum-").FullName;

    private string Folder => Path.Combine(_root, "uploads");

    [Fact]
    public async Task OfAsync_FilesNestedAndEmpty_EqualsTheShellChecksumOfTheFolder()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "b", "deep"));
        File.WriteAllText(Path.Combine(Folder, "a.bin"), "first");
        File.WriteAllText(Path.Combine(Folder, "b", "deep", "z z.txt"), "with a space");
        File.WriteAllText(Path.Combine(Folder, "B.txt"), "upper case sorts first in C order");
        File.WriteAllBytes(Path.Combine(Folder, "empty"), []);
        Directory.CreateDirectory(Path.Combine(Folder, ArchiveScripts.Staging));
        File.WriteAllText(Path.Combine(Folder, ArchiveScripts.Staging, "ignored"), "a half-restored copy is not data");

        var live = Shell(ArchiveScripts.Checksum(Folder));
        var archive = Path.Combine(_root, "uploads.tar.gz");
        ShellToFile(ArchiveScripts.Pack(Folder), archive);

        Assert.Equal(live, await ArchiveChecksum.OfAsync(archive, CancellationToken.None));
        Assert.Matches("^[0-9a-f]{64}$", live);
    }

    [Fact]
    public async Task OfAsync_OneByteChanged_Differs()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "a.bin"), "first");
        var before = Shell(ArchiveScripts.Checksum(Folder));
        File.WriteAllText(Path.Combine(Folder, "a.bin"), "firsT");
        var archive = Path.Combine(_root, "uploads.tar.gz");
        ShellToFile(ArchiveScripts.Pack(Folder), archive);

        Assert.NotEqual(before, await ArchiveChecksum.OfAsync(archive, CancellationToken.None));
    }

    [Fact]
    public async Task OfAsync_EmptyFolder_EqualsTheShellChecksum()
    {
        Directory.CreateDirectory(Folder);
        var archive = Path.Combine(_root, "uploads.tar.gz");
        ShellToFile(ArchiveScripts.Pack(Folder), archive);

        Assert.Equal(Shell(ArchiveScripts.Checksum(Folder)), await ArchiveChecksum.OfAsync(archive, CancellationToken.None));
    }

    private static string Shell(IReadOnlyList<string> command)
    {
        using var p = Start(command);
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output.Trim();
    }

    private static void ShellToFile(IReadOnlyList<string> command, string path)
    {
        using var p = Start(command);
        using (var file = File.Create(path))
        {
            p.StandardOutput.BaseStream.CopyTo(file);
        }

        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    private static Process Start(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
