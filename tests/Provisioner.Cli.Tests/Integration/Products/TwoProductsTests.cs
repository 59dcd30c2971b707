using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Products;

/// <summary>Two products of different shapes on one engine, from their templates alone: each healthy through its own journey, each container confined.</summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TwoProductsTests(EngineFixture engine)
{
    [Fact]
    public async Task NotesAndTracker_SideBySide_EachHealthyIsolatedListedAndDestroyed()
    {
        var cli = engine.Cli();
        var notes = engine.Tenant("two-n");
        var tracker = engine.Tenant("two-t");
        var made = await cli.RunAsync("tenant", notes, "--template", "notes");
        Assert.True(made.ExitCode == 0, made.ToString());
        made = await cli.RunAsync("tenant", tracker, "--template", "tracker", "--json");
        Assert.True(made.ExitCode == 0, made.ToString());
        var checks = JsonDocument.Parse(made.Stdout).RootElement.GetProperty("health").GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["db:sql select 1", "queue:tcp 6379", "web:http /readyz", "web:journey file-an-item", "worker:exec /app/tracker check-worker"], checks);

        foreach (var (tenant, components) in new[] { (notes, new[] { "app", "db", "migrate" }), (tracker, new[] { "db", "migrate", "queue", "web", "worker" }) })
        {
            var status = await cli.RunAsync("status", tenant, "--json");
            Assert.True(status.ExitCode == 0, status.ToString());
            var root = JsonDocument.Parse(status.Stdout).RootElement;
            Assert.Equal(components, root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("component").GetString()).Order());
            Assert.True(root.GetProperty("health").GetProperty("passed").GetBoolean());
        }

        var list = JsonDocument.Parse((await cli.RunAsync("list", "--json")).Stdout).RootElement.EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("template").GetString());
        Assert.Equal("notes@1.1.0", list[notes]);
        Assert.Equal("tracker@2.0.0", list[tracker]);

        // Share nothing: the tracker's web reaches its own database and queue, never the notes tenant's (nor the reverse).
        var trackerDb = await IpsOf($"t-{tracker}-db");
        var notesDb = await IpsOf($"t-{notes}-db");
        Assert.True(await CanConnect($"t-{tracker}-web", trackerDb, 5432), "tracker's web must reach its own database");
        foreach (var ip in notesDb.Concat(await IpsOf($"t-{notes}-app")))
        {
            Assert.False(await CanConnect($"t-{tracker}-web", [ip], 5432), $"tracker reached notes' {ip}:5432");
            Assert.False(await CanConnect($"t-{tracker}-worker", [ip], 8080), $"tracker's worker reached notes' {ip}:8080");
        }

        foreach (var ip in trackerDb.Concat(await IpsOf($"t-{tracker}-queue")))
        {
            Assert.False(await CanConnect($"t-{notes}-app", [ip], 5432), $"notes reached tracker's {ip}:5432");
            Assert.False(await CanConnect($"t-{notes}-app", [ip], 6379), $"notes reached tracker's {ip}:6379");
        }

        // Least privilege, from the engine's own view of every container (the migration jobs' too).
        await Confinement.AssertConfinedAsync(engine.Docker, await engine.ContainersOf(notes), "notes@1.1.0");
        await Confinement.AssertConfinedAsync(engine.Docker, await engine.ContainersOf(tracker), "tracker@2.0.0");

        // Restarted by the engine itself, the database comes back with an empty secrets tmpfs and waits; a rerun delivers them again,
        // before anything that waits for the database (the app, removed here, is recreated and waits for it): the state a provision
        // killed between a container's start and its secrets also leaves.
        var restarted = await Shell.RunAsync("docker", "restart", $"t-{notes}-db");
        Assert.True(restarted.ExitCode == 0, restarted.ToString());
        Assert.Equal(0, (await Shell.RunAsync("docker", "rm", "-f", $"t-{notes}-app")).ExitCode);
        var rerun = await cli.RunAsync("tenant", notes);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var log = string.Concat(Directory.GetFiles(Path.Combine(cli.Home, "logs")).Select(File.ReadAllText));
        Assert.Contains("restarted without its secrets", log);
        Assert.Contains($"\"Container\":\"t-{notes}-db\"", log);

        var capacity = await cli.RunAsync("capacity", "--json");
        Assert.True(capacity.ExitCode == 0, capacity.ToString());
        // This home's registry holds the two (the tests count only their own home's tenants): each reserves what its size requests.
        var fleet = JsonDocument.Parse(capacity.Stdout).RootElement.GetProperty("fleet");
        Assert.Equal(2, fleet.GetProperty("tenants").GetInt32());
        Assert.Equal(CapacityEnv.MemoryRequest("notes", "1.1.0", "small") + CapacityEnv.MemoryRequest("tracker", "2.0.0", "small"), fleet.GetProperty("reserved").GetProperty("memoryBytes").GetInt64());

        foreach (var tenant in new[] { notes, tracker })
        {
            var gone = await cli.RunAsync("destroy", tenant, "--yes", "--delete-data");
            Assert.True(gone.ExitCode == 0, gone.ToString());
            var left = await engine.ResourcesOf(tenant);
            Assert.Empty(left.Containers.Concat(left.Networks).Concat(left.Volumes));
        }
    }

    private static async Task<IReadOnlyList<string>> IpsOf(string container)
    {
        var r = await Shell.RunAsync("docker", "inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container);
        Assert.Equal(0, r.ExitCode);
        return r.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<bool> CanConnect(string from, IReadOnlyList<string> hosts, int port)
    {
        foreach (var host in hosts)
        {
            if ((await Shell.RunAsync("docker", "exec", from, "timeout", "3", "bash", "-c", $"exec 3<>/dev/tcp/{host}/{port}")).ExitCode == 0)
            {
                return true;
            }
        }

        return false;
    }
}
