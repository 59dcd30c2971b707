using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// A restore that runs out of space: the tenant's database volume is a size-limited tmpfs (made by the test with the
/// labels provision gives its volumes, so provision adopts it), filled after a backup until 4 MiB are left. The restore,
/// which loads the backup beside the live data, is refused with one "disk full" line; the live rows are as they were and
/// the tenant keeps serving; with the space back the same restore works.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class FullDataVolumeTests(EngineFixture engine)
{
    private const string Filler = "/var/lib/postgresql/data/filler";

    [Fact]
    public async Task RestoreOutOfSpace_RefusedWithOneLine_LiveDataAsItWas_RestoresOnceThereIsRoom()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("full-rst");
        var volume = $"t-{name}-db-data";

        // The labels provision gives the volume (its registry's owner label among them), then the same volume on a tmpfs.
        Assert.Equal(0, (await cli.RunAsync("tenant", name)).ExitCode);
        var labels = (await engine.Docker.Volumes.InspectAsync(volume)).Labels;
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        await engine.Docker.Volumes.CreateAsync(new VolumesCreateParameters
        {
            Name = volume,
            Labels = labels,
            DriverOpts = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs", ["o"] = "size=160m,uid=101,gid=103" }, // the db's user in notes' template
        });
        var created = await cli.RunAsync("tenant", name);
        Assert.True(created.ExitCode == 0, created.ToString());

        await probe.PsqlAsync(name, "notes", "insert into notes(title, body) select 'n' || g, repeat(md5(g::text), 30) from generate_series(1, 12000) g");
        await probe.PsqlAsync(name, "notes", "checkpoint");
        var backup = await cli.RunAsync("backup", name);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var id = BackupId().Match(backup.Stdout).Groups[1].Value;
        var before = await probe.ChecksumAsync(name);
        var fill = await probe.ExecAsync($"t-{name}-db", "postgres", ["sh", "-c", $"avail=$(df -k /var/lib/postgresql/data | tail -1 | awk '{{print $4}}'); dd if=/dev/zero of={Filler} bs=1024 count=$((avail - 4096))"]);
        Assert.True(fill.ExitCode == 0, fill.Stderr);

        var restore = await cli.RunAsync("restore", name, "--from", id);

        Assert.True(restore.ExitCode == 1, restore.ToString());
        var error = FaultChecks.ErrorLine(restore);
        Assert.StartsWith($"Error: disk full: restore of {name} from {id} refused: ", error, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error, StringComparison.Ordinal);
        Assert.Equal(before, await probe.ChecksumAsync(name));
        await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
        var status = await cli.RunAsync("status", name);
        Assert.True(status.ExitCode == 0, status.ToString());
        StateFolderChecks.NoLockHeld(cli.Home);

        Assert.Equal(0, (await probe.ExecAsync($"t-{name}-db", "postgres", ["rm", Filler])).ExitCode);
        var again = await cli.RunAsync("restore", name, "--from", id);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, await probe.ChecksumAsync(name));
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    [GeneratedRegex(@"Backed up \S+ to (\S+) \(")]
    private static partial Regex BackupId();
}
