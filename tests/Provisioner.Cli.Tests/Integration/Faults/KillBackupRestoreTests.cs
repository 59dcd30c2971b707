using System.Text.Json;
using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// <c>provision backup</c> and <c>provision restore</c> killed at every journaled step boundary (<c>make soak</c>): after
/// the rerun a backup leaves only complete sets and the live data unchanged; a restore leaves exactly the rows at backup.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KillBackupRestoreTests(EngineFixture engine, ITestOutputHelper output)
{
    [SoakFact]
    public async Task Backup_KilledAtEachBoundary_RerunLeavesCompleteSetsOnly()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-bk");
        Assert.Equal(0, (await cli.RunAsync("tenant", name)).ExitCode);
        await probe.WriteNoteAsync(name, $"{name}-kept");
        var live = await probe.ChecksumAsync(name);
        var scenario = new KillScenario(
            "backup",
            ["backup", name],
            () => Task.CompletedTask,
            0,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
                await FaultChecks.NotesResourcesAsync(engine, name);
                Assert.Equal(live, await probe.ChecksumAsync(name));
                StateFolderChecks.CompleteBackupsOnly(cli.Home, name);
            });

        var rows = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

        KillMatrix.AssertAllGreen(rows);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    [SoakFact]
    public async Task Restore_KilledAtEachBoundary_RerunRestoresTheRowsAtBackup()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-rs");
        Assert.Equal(0, (await cli.RunAsync("tenant", name)).ExitCode);
        await probe.WriteNoteAsync(name, $"{name}-kept");
        var atBackup = await probe.ChecksumAsync(name);
        var backup = await cli.RunAsync("backup", name, "--json");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var id = JsonDocument.Parse(backup.Stdout).RootElement.GetProperty("backup").GetProperty("id").GetString()!;
        var writes = 0;
        var scenario = new KillScenario(
            "restore",
            ["restore", name, "--from", id],
            async () =>
            {
                await probe.WriteNoteAsync(name, $"after-backup-{++writes}");
                Assert.NotEqual(atBackup, await probe.ChecksumAsync(name));
            },
            0,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
                await FaultChecks.NotesResourcesAsync(engine, name);
                Assert.Equal(atBackup, await probe.ChecksumAsync(name));
                StateFolderChecks.CompleteBackupsOnly(cli.Home, name);
            });

        var rows = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

        KillMatrix.AssertAllGreen(rows);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
