using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Lifecycle;

/// <summary>
/// A notes tenant with a note: offboard → gone from the engine and the registry, listed by <c>offboarded</c> → restore-offboarded
/// → healthy with the note back → purge at the real clock deletes nothing; at a clock past the keep-until it deletes that set.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OffboardTests(EngineFixture engine)
{
    [Fact]
    public async Task OffboardRestoreOffboardedPurge_NoteComesBack_PurgeDeletesOnlyExpiredSets()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("off-notes");
        var created = await cli.RunAsync("tenant", name);
        Assert.True(created.ExitCode == 0, created.ToString());
        await probe.WriteNoteAsync(name, "written before offboarding");
        var notes = await probe.NotesAsync(name);
        var checksum = await probe.ChecksumAsync(name);

        var offboard = await cli.RunAsync("offboard", name, "--retain", "2d", "--json");

        Assert.True(offboard.ExitCode == 0, offboard.ToString());
        var set = JsonDocument.Parse(offboard.Stdout).RootElement.GetProperty("offboarded");
        var id = set.GetProperty("id").GetString()!;
        Assert.StartsWith("offboard-", id);
        Backups.NotesBackupRestoreTests.AssertOwnerOnly(set.GetProperty("folder").GetString()!);
        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        Assert.Empty(containers);
        Assert.Empty(networks);
        Assert.Empty(volumes);
        Assert.DoesNotContain(name, (await cli.RunAsync("list")).Stdout);
        var listed = JsonDocument.Parse((await cli.RunAsync("offboarded", "--json")).Stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(name, listed.GetProperty("tenant").GetString());
        Assert.StartsWith("notes@", listed.GetProperty("template").GetString());
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("size").GetString()));
        Assert.True(listed.GetProperty("bytes").GetInt64() > 0);

        var restore = await cli.RunAsync("restore-offboarded", name, "--json");

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(notes, await probe.NotesAsync(name));
        Assert.Equal(checksum, await probe.ChecksumAsync(name));
        Assert.Equal("Active", (await probe.RecordAsync(name)).GetProperty("status").GetString());
        Assert.Equal(2, (await cli.RunAsync("restore-offboarded", name)).ExitCode);   // it exists again

        var now = await cli.RunAsync("purge", "--json");
        Assert.True(now.ExitCode == 0, now.ToString());
        Assert.Equal(0, JsonDocument.Parse(now.Stdout).RootElement.GetProperty("deleted").GetArrayLength());
        var later = new ProvisionCli(cli.Home, new Dictionary<string, string> { ["PROVISIONER_TEST_NOW"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O") });
        var oneDay = new ProvisionCli(cli.Home, new Dictionary<string, string> { ["PROVISIONER_TEST_NOW"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O") });
        Assert.Equal(0, JsonDocument.Parse((await oneDay.RunAsync("purge", "--json")).Stdout).RootElement.GetProperty("deleted").GetArrayLength());

        var purge = await later.RunAsync("purge", "--json");

        Assert.True(purge.ExitCode == 0, purge.ToString());
        Assert.Equal(id, JsonDocument.Parse(purge.Stdout).RootElement.GetProperty("deleted")[0].GetProperty("id").GetString());
        Assert.Equal("[]", (await cli.RunAsync("offboarded", "--json")).Stdout.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal(notes, await probe.NotesAsync(name));   // purge touched no live tenant
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
