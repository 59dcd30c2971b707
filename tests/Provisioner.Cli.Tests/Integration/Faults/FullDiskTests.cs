using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// Backups and the registry on a small filesystem (an 8 MiB tmpfs the test mounts) that is then filled: a backup fails
/// with one "disk full" line and leaves no partial file; an upgrade whose backup cannot be written refuses before touching
/// the tenant; the registry reports "disk full" naming its file and stays readable.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FullDiskTests(EngineFixture engine)
{
    [Fact]
    public async Task BackupsOnAFullDisk_BackupFailsWithNoPartialFile_UpgradeRefusesBeforeTouchingTheTenant()
    {
        using var disk = new SmallDisk();
        var cli = engine.Cli();
        await File.AppendAllTextAsync(Path.Combine(cli.Home, "provisioner.yaml"), $"backups: {{ directory: {disk.Root} }}\n");
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("full-disk");
        var created = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
        Assert.True(created.ExitCode == 0, created.ToString());
        await probe.WriteNoteAsync(name, $"{name}-kept");
        var before = await probe.ChecksumAsync(name);
        var app = await probe.ContainerIdAsync($"t-{name}-app");
        disk.Fill();

        var backup = await cli.RunAsync("backup", name);

        Assert.True(backup.ExitCode == 1, backup.ToString());
        Assert.StartsWith("Error: disk full: ", FaultChecks.ErrorLine(backup));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(disk.Root, name)));

        var upgrade = await cli.RunAsync("upgrade", name, "--to", "1.1.0");

        // Refused by its preflight, which asks the backup folder's filesystem for room before anything is stopped.
        Assert.True(upgrade.ExitCode == 1, upgrade.ToString());
        Assert.Contains($"{name}: FAILED (nothing changed): not enough free disk for the backup", upgrade.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(disk.Root, name)));
        await FaultChecks.RecordAsync(probe, name, "Active", "1.0.0");
        Assert.Equal(app, await probe.ContainerIdAsync($"t-{name}-app")); // not even restarted
        Assert.Equal(before, await probe.ChecksumAsync(name));
        var status = await cli.RunAsync("status", name);
        Assert.True(status.ExitCode == 0, status.ToString());

        disk.Free();
        Assert.Equal(0, (await cli.RunAsync("backup", name)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    [Fact]
    public async Task RegistryOnAFullDisk_DiskFullNamingTheFile_StaysReadable()
    {
        using var disk = new SmallDisk();
        var cli = new ProvisionCli(disk.Root);
        var name = engine.Tenant("full-reg");
        var list = await cli.RunAsync("list");
        Assert.True(list.ExitCode == 0, list.ToString());
        var file = Path.Combine(disk.Root, "registry.db");
        disk.Fill();

        var write = await cli.RunAsync("tenant", name);

        Assert.True(write.ExitCode == 1, write.ToString());
        Assert.StartsWith($"Error: disk full: ", FaultChecks.ErrorLine(write));
        Assert.Contains(disk.Root, FaultChecks.ErrorLine(write));
        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        Assert.Empty(containers.Concat(networks).Concat(volumes));
        var read = await cli.RunAsync("list", "--json");
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal("[]", read.Stdout.Trim());
        Assert.True(File.Exists(file));
    }
}
