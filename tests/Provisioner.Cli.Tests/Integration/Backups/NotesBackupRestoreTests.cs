using System.Diagnostics;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Backups;

/// <summary>
/// A notes tenant (one PostgreSQL data component): backup online, more notes, restore → exactly the rows at backup time,
/// healthy; a corrupted set is refused with the live data untouched; a held lock is exit 3; unknown tenant and backup id
/// are exit 2; a restore killed with -9 as it swaps is finished by the rerun.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NotesBackupRestoreTests(EngineFixture engine)
{
    [Fact]
    public async Task BackupMoreNotesRestore_RowsAsAtBackup_CorruptSetRefused_KilledRestoreFinishedByRerun()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("bk-notes");
        var created = await cli.RunAsync("tenant", name);
        Assert.True(created.ExitCode == 0, created.ToString());
        foreach (var title in new[] { "one", "two", "three" })
        {
            await probe.WriteNoteAsync(name, title);
        }

        var atBackup = await probe.ChecksumAsync(name);
        var notesAtBackup = await probe.NotesAsync(name);

        var backup = await cli.RunAsync("backup", name, "--json");

        Assert.True(backup.ExitCode == 0, backup.ToString());
        var result = JsonDocument.Parse(backup.Stdout).RootElement;
        Assert.True(result.GetProperty("online").GetBoolean());
        var set = result.GetProperty("backup");
        var id = set.GetProperty("id").GetString()!;
        Assert.StartsWith("manual-", id);
        Assert.Equal(atBackup, set.GetProperty("components")[0].GetProperty("checksum").GetString());
        AssertOwnerOnly(set.GetProperty("folder").GetString()!);

        await probe.WriteNoteAsync(name, "written after the backup");
        Assert.NotEqual(atBackup, await probe.ChecksumAsync(name));

        var restore = await cli.RunAsync("restore", name, "--json");

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(id, JsonDocument.Parse(restore.Stdout).RootElement.GetProperty("backup").GetProperty("id").GetString());
        Assert.Equal(atBackup, await probe.ChecksumAsync(name));
        Assert.Equal(notesAtBackup, await probe.NotesAsync(name));
        Assert.Equal("Active", (await probe.RecordAsync(name)).GetProperty("status").GetString());

        // Errors: one line each, nothing changed.
        Assert.Equal(2, (await cli.RunAsync("backup", engine.Tenant("bk-nobody"))).ExitCode);
        var unknownId = await cli.RunAsync("restore", name, "--from", "manual-999999");
        Assert.Equal(2, unknownId.ExitCode);
        Assert.Contains("no backup 'manual-999999'", unknownId.Stderr);

        // A corrupted set: one byte of the dump changed. Refused before the live data is touched.
        var second = JsonDocument.Parse((await cli.RunAsync("backup", name, "--json")).Stdout).RootElement.GetProperty("backup");
        var dump = Path.Combine(second.GetProperty("folder").GetString()!, "db.sql.gz");
        var bytes = await File.ReadAllBytesAsync(dump);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(dump, bytes);
        await probe.WriteNoteAsync(name, "live after the second backup");
        var live = await probe.ChecksumAsync(name);

        var corrupt = await cli.RunAsync("restore", name, "--from", second.GetProperty("id").GetString()!);

        Assert.True(corrupt.ExitCode == 1, corrupt.ToString());
        Assert.Contains("left as it is", corrupt.Stderr);
        Assert.Equal(live, await probe.ChecksumAsync(name));
        Assert.Equal("", (await probe.PsqlAsync(name, "postgres", "select datname from pg_database where datname like 'provision_%'")).Trim());
        Assert.Equal("Active", (await probe.RecordAsync(name)).GetProperty("status").GetString());

        // A restore holds the tenant's lock: a backup meanwhile is refused with exit 3. Then kill -9 as it swaps; the rerun finishes.
        using (var running = cli.Start("restore", name, "--from", id))
        {
            await WaitForLineAsync(running, "loading db.sql.gz");
            var locked = await cli.RunAsync("backup", name);
            Assert.True(locked.ExitCode == 3, locked.ToString());
            await WaitForLineAsync(running, "swapping the restored db in");
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }

        var rerun = await cli.RunAsync("restore", name, "--json");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.True(JsonDocument.Parse(rerun.Stdout).RootElement.GetProperty("resumed").GetBoolean(), rerun.ToString());
        Assert.Equal(atBackup, await probe.ChecksumAsync(name));
        Assert.Equal(notesAtBackup, await probe.NotesAsync(name));
        Assert.Equal(0, (await cli.RunAsync("status", name)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    /// <summary>Backup folders are 0700 and every file in them 0600.</summary>
    internal static void AssertOwnerOnly(string folder)
    {
        const UnixFileMode rw = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(rw | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.NotEmpty(Directory.GetFiles(folder));
        Assert.All(Directory.GetFiles(folder), f => Assert.Equal(rw, File.GetUnixFileMode(f)));
    }

    /// <summary>Reads the process's progress (stderr) until a line contains <paramref name="text"/>; fails if it exits first.</summary>
    internal static async Task WaitForLineAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"provision exited (code {(process.HasExited ? process.ExitCode : -1)}) before printing '{text}'");
    }
}
