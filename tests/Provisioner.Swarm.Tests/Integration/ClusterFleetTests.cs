using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using Provisioner.Swarm.Tests.Support;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// A fleet of the sample product on the real 3-node cluster (make cluster), through the real <c>provision</c> binary, in one
/// run because each tenant costs seconds on a 2-core machine: six small tenants spread over the nodes by capacity and
/// health-checked; the isolation probe across nodes (one tenant per node: none reaches another's database or app, each
/// reaches its own); the capacity page with every node (rendered in headless Chromium); a tenant that fits on no node refused with exit 4 and nothing of it created; status naming each
/// component's node; host list naming each node's tenants; destroy leaving nothing behind. Names are unique per run.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class ClusterFleetTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("provision-swarm-").FullName;
    private readonly string _run = "s" + Guid.NewGuid().ToString("N")[..5];
    private readonly List<string> _made = [];

    [ClusterFact]
    public async Task SixTenants_OnThreeNodes_SpreadHealthyRefusedWhenNoNodeFitsShownAndDestroyed()
    {
        var cli = new SwarmCli(_home);
        var names = Enumerable.Range(1, 6).Select(i => $"{_run}-{i}").ToList();
        _made.AddRange(names);

        // Three at a time: the capacity check serialises the placements, the rest overlaps.
        foreach (var batch in names.Chunk(3))
        {
            var results = await Task.WhenAll(batch.Select(n => cli.RunAsync("tenant", n)));
            foreach (var (name, result) in batch.Zip(results))
            {
                Assert.True(result.ExitCode == 0, $"{name}: {result}");
                Assert.Contains($"Tenant {name} is Active", result.Stdout);
                Assert.Contains("app:journey notes-roundtrip │ passed", result.Stdout);
            }
        }

        // Spread by capacity: every node holds two (the placement goes to the node where the most still fit).
        var list = await cli.RunAsync("list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        var hostOf = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("host").GetString()!);
        Assert.Equal(["swt1", "swt2", "swt3"], hostOf.Values.Distinct().Order());
        Assert.All(hostOf.Values.GroupBy(h => h), g => Assert.Equal(2, g.Count()));

        // The isolation probe across nodes, with one tenant of each node.
        await ClusterIsolationProbe.AssertIsolatedAsync(hostOf.GroupBy(h => h.Value).Select(g => g.First().Key).ToList());

        // The capacity page shows every node (the screenshot is kept in TestResults/cluster/ to be looked at).
        var page = Path.Combine(Chromium.ResultsDir, "capacity.html");
        var png = Path.Combine(Chromium.ResultsDir, "capacity.png");
        var capacity = await cli.RunAsync("capacity", "--for", "small", "--html", page);
        Assert.True(capacity.ExitCode == 0, capacity.ToString());
        var html = await File.ReadAllTextAsync(page);
        Assert.All(["swt1", "swt2", "swt3"], node => Assert.Contains(node, html));
        await Chromium.ScreenshotAsync(page, png);
        Assert.True(new FileInfo(png).Length > 10_000, $"no screenshot at {png}");

        // Status names the node of each component; the database runs on the tenant's node.
        var status = await cli.RunAsync("status", names[0], "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        var components = JsonDocument.Parse(status.Stdout).RootElement.GetProperty("components").EnumerateArray().ToList();
        var db = components.Single(c => c.GetProperty("component").GetString() == "db");
        Assert.Equal(hostOf[names[0]], db.GetProperty("node").GetString());
        Assert.All(components, c => Assert.StartsWith("swt", c.GetProperty("node").GetString()));
        var text = await cli.RunAsync("status", names[0]);
        Assert.Contains("│ NODE │", text.Stdout);

        // A clone on the cluster: the volumes live on their nodes, so the physical copy streams through provision (the
        // exec path, not the same-engine one); its own node by capacity, the source's note masked, healthy.
        var clone = $"{_run}-c";
        _made.Add(clone);
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            var endpoint = new Uri(JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == names[0]).GetProperty("endpoint").GetString()!);
            Assert.True((await http.PostAsJsonAsync(new Uri(endpoint, "/api/notes"), new { body = "cloned across nodes" })).IsSuccessStatusCode);
        }

        var cloned = await cli.RunAsync("clone", names[0], clone, "--json");
        Assert.True(cloned.ExitCode == 0, cloned.ToString());
        var copy = JsonDocument.Parse(cloned.Stdout).RootElement;
        Assert.Equal("physical", copy.GetProperty("copy").GetProperty("method").GetString());
        Assert.Equal(["db"], copy.GetProperty("masked").EnumerateArray().Select(m => m.GetString()));
        Assert.True(copy.GetProperty("restore").GetProperty("health").GetProperty("passed").GetBoolean(), cloned.ToString());
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            var notes = await http.GetStringAsync(new Uri(new Uri(copy.GetProperty("tenant").GetProperty("endpoint").GetString()!), "/api/notes"));
            Assert.Contains("masked note", notes);
            Assert.DoesNotContain("cloned across nodes", notes);
        }

        Assert.True((await cli.RunAsync("destroy", clone, "--yes", "--delete-data")).ExitCode == 0);

        // A tenant requesting 2 CPUs fits on no node (1.8 CPUs allocatable each): refused, exit 4, nothing created. The
        // sample's large size requests far less than its 2-CPU limit, so this run reads a copy of notes whose large
        // size requests its limit.
        var big = $"{_run}-big";
        _made.Add(big);
        cli.Environment["PROVISIONER_TEMPLATES"] = NotesWithLargeRequestingItsLimit();
        var refused = await cli.RunAsync("tenant", big, "--size", "large");
        cli.Environment.Remove("PROVISIONER_TEMPLATES");
        Assert.True(refused.ExitCode == 4, refused.ToString());
        Assert.Contains("does not fit", refused.Stderr);
        using (var engine = SwarmCluster.Engine())
        {
            var manager = engine.Client;
            var label = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"provisioner.tenant={big}"] = true } };
            Assert.Empty(await manager.Swarm.ListServicesAsync(new ServiceListParameters { Filters = label }));
            Assert.Empty(await manager.Networks.ListNetworksAsync(new NetworksListParameters { Filters = label }));
            Assert.DoesNotContain(await manager.Secrets.ListAsync(), s => s.Spec?.Name?.StartsWith($"t-{big}-", StringComparison.Ordinal) == true);
        }

        var afterRefusal = await cli.RunAsync("list", "--json");
        Assert.DoesNotContain(big, afterRefusal.Stdout);

        // host list: every node, Ready and Active, with its two tenants.
        var hosts = await cli.RunAsync("host", "list", "--json");
        Assert.True(hosts.ExitCode == 0, hosts.ToString());
        var nodes = JsonDocument.Parse(hosts.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["swt1", "swt2", "swt3"], nodes.Select(n => n.GetProperty("name").GetString()).Order());
        foreach (var node in nodes)
        {
            var name = node.GetProperty("name").GetString()!;
            Assert.Equal("ready", node.GetProperty("state").GetString());
            var mine = node.GetProperty("tenants").EnumerateArray().Select(t => t.GetString()).Where(t => t!.StartsWith(_run, StringComparison.Ordinal)).Order().ToList();
            Assert.Equal(hostOf.Where(kv => kv.Value == name).Select(kv => kv.Key).Order(), mine);
        }

        // Destroy leaves no service, network or secret of the tenant on the cluster.
        foreach (var name in names)
        {
            var destroyed = await cli.RunAsync("destroy", name, "--yes", "--delete-data");
            Assert.True(destroyed.ExitCode == 0, $"{name}: {destroyed}");
        }

        using var engineAfter = SwarmCluster.Engine();
        var after = engineAfter.Client;
        var services = await after.Swarm.ListServicesAsync(new ServiceListParameters());
        Assert.DoesNotContain(services, s => s.Spec?.Name?.StartsWith($"t-{_run}-", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(await after.Networks.ListNetworksAsync(new NetworksListParameters()), n => n.Name.StartsWith($"t-{_run}-", StringComparison.Ordinal));
        Assert.DoesNotContain(await after.Secrets.ListAsync(), s => s.Spec?.Name?.StartsWith($"t-{_run}-", StringComparison.Ordinal) == true);
        _made.Clear();
    }

    /// <summary>A catalog (in this test's state folder) holding notes only, its large size asking 2 CPUs and 2 GiB reserved.</summary>
    private string NotesWithLargeRequestingItsLimit()
    {
        var catalog = Path.Combine(_home, "catalog");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Templates, "notes"), "template.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(catalog, "notes", Path.GetRelativePath(Path.Combine(RepoPaths.Templates, "notes"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            File.WriteAllText(target, System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^  large:\s*\{.*\}\s*$", "  large:  { cpu: 2, memory: 2Gi, disk: 20Gi }"));
        }

        return catalog;
    }

    public void Dispose()
    {
        // A failed run still removes what it made.
        if (_made.Count > 0 && SwarmCluster.SkipReason is null)
        {
            var cli = new SwarmCli(_home);
            foreach (var name in _made)
            {
                cli.RunAsync("destroy", name, "--yes", "--delete-data").GetAwaiter().GetResult();
            }
        }

        Directory.Delete(_home, recursive: true);
    }
}
