using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TenantLifecycleTests(EngineFixture engine)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Provision_Rerun_RecreateApp_Destroy_KeepsDataAndConverges()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("life");

        var first = await cli.RunAsync("tenant", name, "--size", "medium", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        var json = JsonDocument.Parse(first.Stdout).RootElement;
        var endpoint = json.GetProperty("tenant").GetProperty("endpoint").GetString()!;
        Assert.Equal("Active", json.GetProperty("tenant").GetProperty("status").GetString());
        Assert.StartsWith("http://127.0.0.1:", endpoint);

        // A customer writes a note through the published endpoint.
        using var created = await Http.PostAsJsonAsync($"{endpoint}/api/notes", new { body = "survives everything" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var noteId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Rerun: nothing changes, and it says so.
        var again = await cli.RunAsync("tenant", name);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("no changes (already converged)", again.Stdout);

        // State at rest: the home is the owner's only. The secret key is rotated: the steps below deliver the database
        // password again (app recreated, resized), so they prove the re-encrypted secret opens under the new key.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cli.Home));
        var keyFile = Path.Combine(cli.Home, "secret.key");
        var oldKey = await File.ReadAllTextAsync(keyFile);
        var rotated = await cli.RunAsync("key", "rotate", "--json");
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        Assert.True(JsonDocument.Parse(rotated.Stdout).RootElement.GetProperty("reencrypted").GetInt32() >= 1, rotated.Stdout);
        Assert.NotEqual(oldKey, await File.ReadAllTextAsync(keyFile));
        Assert.False(File.Exists(keyFile + ".next"));

        // The app container is removed behind our back: a rerun recreates only it, and the note survives.
        Assert.Equal(0, (await Shell.RunAsync("docker", "rm", "-f", $"t-{name}-app")).ExitCode);
        var removed = await cli.RunAsync("status", name, "--json");
        Assert.True(removed.ExitCode == 5, removed.ToString());
        Assert.Equal(["app"], JsonDocument.Parse(removed.Stdout).RootElement.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList());
        var check = await cli.RunAsync("check", name, "--json");
        Assert.True(check.ExitCode == 5, check.ToString());
        Assert.StartsWith("down: app missing", JsonDocument.Parse(check.Stdout).RootElement.GetProperty("tenants")[0].GetProperty("reason").GetString());
        var repaired = await cli.RunAsync("tenant", name, "--json");
        Assert.True(repaired.ExitCode == 0, repaired.ToString());
        var changes = JsonDocument.Parse(repaired.Stdout).RootElement.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("action")} {c.GetProperty("name")}").ToList();
        Assert.Equal([$"create t-{name}-app"], changes);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{endpoint}/api/notes/{noteId}")).StatusCode);

        // The size's limits are enforced on the containers (medium: 1 cpu, 1 GiB, split half and half).
        Assert.Equal("500000000 536870912", await Limits($"t-{name}-app"));
        Assert.Equal("500000000 536870912", await Limits($"t-{name}-db"));

        // Its requests (read from the template) are set too: CPU as a relative weight (1024 per core), memory as a reservation.
        var (cpu, memory, _) = CapacityEnv.Medium;
        var requested = $"{Math.Max(2, (long)Math.Round(cpu / 2 * 1024))} {memory / 2}";
        Assert.Equal(requested, await Requests($"t-{name}-app"));
        Assert.Equal(requested, await Requests($"t-{name}-db"));

        // Resizing converges: both containers are replaced with the new limits, the data stays.
        var resized = await cli.RunAsync("tenant", name, "--size", "large");
        Assert.True(resized.ExitCode == 0, resized.ToString());
        Assert.Equal("1000000000 1073741824", await Limits($"t-{name}-app"));
        Assert.Equal("1000000000 1073741824", await Limits($"t-{name}-db"));
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{endpoint}/api/notes/{noteId}")).StatusCode);

        // Live status: containers running, every check passed.
        var status = await cli.RunAsync("status", name, "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        var statusJson = JsonDocument.Parse(status.Stdout).RootElement;
        Assert.True(statusJson.GetProperty("health").GetProperty("passed").GetBoolean());
        Assert.All(
            statusJson.GetProperty("components").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "container"),
            c => Assert.Equal("running", c.GetProperty("state").GetString()));

        // Destroy keeps the data: provisioning again brings the note back.
        var destroyed = await cli.RunAsync("destroy", name, "--yes");
        Assert.True(destroyed.ExitCode == 0, destroyed.ToString());
        var left = await engine.ResourcesOf(name);
        Assert.Empty(left.Containers);
        Assert.Empty(left.Networks);
        Assert.Equal([$"t-{name}-db-data"], left.Volumes);
        Assert.Contains("Destroyed", (await cli.RunAsync("list")).Stdout);

        var back = await cli.RunAsync("tenant", name, "--json");
        Assert.True(back.ExitCode == 0, back.ToString());
        var newEndpoint = JsonDocument.Parse(back.Stdout).RootElement.GetProperty("tenant").GetProperty("endpoint").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{newEndpoint}/api/notes/{noteId}")).StatusCode);

        // --delete-data removes everything and the registry entry.
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        var gone = await engine.ResourcesOf(name);
        Assert.Empty(gone.Containers.Concat(gone.Networks).Concat(gone.Volumes));
        Assert.DoesNotContain(name, (await cli.RunAsync("list", "--json")).Stdout);
    }

    private static async Task<string> Requests(string container) =>
        (await Shell.RunAsync("docker", "inspect", "--format", "{{.HostConfig.CpuShares}} {{.HostConfig.MemoryReservation}}", container)).Stdout.Trim();

    private static async Task<string> Limits(string container) =>
        (await Shell.RunAsync("docker", "inspect", "--format", "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}", container)).Stdout.Trim();

    [Fact]
    public async Task DryRun_NewTenant_ListsChangesAndCreatesNothing()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("dry");

        var result = await cli.RunAsync("tenant", name, "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"create container t-{name}-db", result.Stdout);
        Assert.Contains($"run job t-{name}-migrate", result.Stdout);
        var left = await engine.ResourcesOf(name);
        Assert.Empty(left.Containers.Concat(left.Networks).Concat(left.Volumes));
        Assert.DoesNotContain(name, (await cli.RunAsync("list", "--json")).Stdout);
    }
}
