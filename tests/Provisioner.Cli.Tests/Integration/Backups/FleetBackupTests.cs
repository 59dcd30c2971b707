using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Backups;

/// <summary>
/// <c>backup --all</c> over a tracker tenant (PostgreSQL and uploaded files) and a notes tenant, then the tracker's restore:
/// rows and files exactly as at backup time; <c>backups</c> lists both sets with their checksums, files 0600.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FleetBackupTests(EngineFixture engine)
{
    [Fact]
    public async Task BackupAll_TwoTenants_ThenTrackerRestore_RowsAndFilesAsAtBackup()
    {
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_HEALTH_DEADLINE"] = "60s" });
        var probe = new TenantProbe(engine, cli);
        var tracker = engine.Tenant("bk-trk");
        var notes = engine.Tenant("bk-all");
        var created = await cli.RunAsync("tenant", tracker, "--template", "tracker@2.0.0");
        Assert.True(created.ExitCode == 0, created.ToString());
        created = await cli.RunAsync("tenant", notes);
        Assert.True(created.ExitCode == 0, created.ToString());
        var kept = await probe.FileItemAsync(tracker, "kept item", "kept attachment");
        await probe.WriteNoteAsync(notes, "kept note");

        var all = await cli.RunAsync("backup", "--all", "--parallel", "2", "--json");

        Assert.True(all.ExitCode == 0, all.ToString());
        var report = JsonDocument.Parse(all.Stdout).RootElement;
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        var outcomes = report.GetProperty("tenants").EnumerateArray().ToDictionary(t => t.GetProperty("tenant").GetString()!);
        Assert.Equal("backed-up", outcomes[tracker].GetProperty("outcome").GetString());
        Assert.Equal("backed-up", outcomes[notes].GetProperty("outcome").GetString());
        var trackerResult = outcomes[tracker].GetProperty("result");
        Assert.False(trackerResult.GetProperty("online").GetBoolean());   // file data: its owner (web) was stopped for the copy
        Assert.True(outcomes[notes].GetProperty("result").GetProperty("online").GetBoolean());
        var rows = await probe.ChecksumAsync(tracker, "tracker");
        var files = await probe.FilesChecksumAsync(tracker, "web", "/srv/uploads");

        var listed = await cli.RunAsync("backups", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var sets = JsonDocument.Parse(listed.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal([notes, tracker], sets.Select(s => s.GetProperty("tenant").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(sets, s => Assert.True(s.GetProperty("complete").GetBoolean()));
        var trackerSet = sets.Single(s => s.GetProperty("tenant").GetString() == tracker);
        Assert.Equal(["db", "web"], trackerSet.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("component").GetString()!));
        Assert.Equal(rows, trackerSet.GetProperty("components")[0].GetProperty("checksum").GetString());
        Assert.All(sets, s => NotesBackupRestoreTests.AssertOwnerOnly(s.GetProperty("folder").GetString()!));

        var later = await probe.FileItemAsync(tracker, "later item", "later attachment");
        Assert.NotEqual(files, await probe.FilesChecksumAsync(tracker, "web", "/srv/uploads"));

        var restore = await cli.RunAsync("restore", tracker, "--from", trackerSet.GetProperty("id").GetString()!);

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(rows, await probe.ChecksumAsync(tracker, "tracker"));
        Assert.Equal(files, await probe.FilesChecksumAsync(tracker, "web", "/srv/uploads"));
        Assert.Equal("kept attachment", await probe.AttachmentAsync(tracker, kept));
        Assert.Equal("0", (await probe.PsqlAsync(tracker, "tracker", $"select count(*) from items where id = {later}")).Trim());
        var status = await cli.RunAsync("status", tracker);
        Assert.True(status.ExitCode == 0, status.ToString());
        foreach (var name in new[] { tracker, notes })
        {
            Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        }
    }
}
