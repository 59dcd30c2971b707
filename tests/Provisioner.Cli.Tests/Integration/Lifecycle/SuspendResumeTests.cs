using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Lifecycle;

/// <summary>
/// A notes tenant with a note: suspend → its containers are gone, its volume and port are kept, capacity shows it on its own
/// line (disk only), a backup is refused (exit 3) → resume → healthy, same port, the same notes.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SuspendResumeTests(EngineFixture engine)
{
    [Fact]
    public async Task SuspendThenResume_ContainersGoneVolumeKept_ResumedHealthyWithTheSameNotes()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("sus-notes");
        var created = await cli.RunAsync("tenant", name);
        Assert.True(created.ExitCode == 0, created.ToString());
        await probe.WriteNoteAsync(name, "kept while suspended");
        var notes = await probe.NotesAsync(name);
        var port = (await probe.RecordAsync(name)).GetProperty("endpoint").GetString();
        var volumes = (await engine.ResourcesOf(name)).Volumes;

        var suspend = await cli.RunAsync("suspend", name, "--json");

        Assert.True(suspend.ExitCode == 0, suspend.ToString());
        Assert.Equal("Suspended", JsonDocument.Parse(suspend.Stdout).RootElement.GetProperty("tenant").GetProperty("status").GetString());
        var (containers, _, keptVolumes) = await engine.ResourcesOf(name);
        Assert.Empty(containers);
        Assert.NotEmpty(volumes);
        Assert.Equal(volumes, keptVolumes);
        Assert.Contains("Suspended", (await cli.RunAsync("list")).Stdout);
        var status = await cli.RunAsync("status", name);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains($"provision resume {name}", status.Stdout);
        Assert.Contains("Networks: none; volumes: ", status.Stdout);
        var capacity = await cli.RunAsync("capacity");
        Assert.True(capacity.ExitCode == 0, capacity.ToString());
        Assert.Contains("Suspended: 1 tenant(s)", capacity.Stdout);
        var backup = await cli.RunAsync("backup", name);
        Assert.True(backup.ExitCode == 3, backup.ToString());
        Assert.Contains($"provision resume {name}", backup.Stderr);

        var resume = await cli.RunAsync("resume", name, "--json");

        Assert.True(resume.ExitCode == 0, resume.ToString());
        var tenant = JsonDocument.Parse(resume.Stdout).RootElement.GetProperty("tenant");
        Assert.Equal("Active", tenant.GetProperty("status").GetString());
        Assert.Equal(port, tenant.GetProperty("endpoint").GetString());
        Assert.True(JsonDocument.Parse(resume.Stdout).RootElement.GetProperty("resumed").GetBoolean());
        Assert.Equal(notes, await probe.NotesAsync(name));
        var again = await cli.RunAsync("resume", name);
        Assert.True(again.ExitCode == 0 && again.Stdout.Contains("it was not suspended (nothing to start)", StringComparison.Ordinal), again.ToString());
        Assert.Equal(2, (await cli.RunAsync("resume", engine.Tenant("sus-nobody"))).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
