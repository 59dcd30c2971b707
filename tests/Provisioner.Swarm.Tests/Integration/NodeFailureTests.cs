using System.Diagnostics;
using System.Text.Json;
using Provisioner.Swarm.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// Nodes of the real cluster dying (every process of the node killed with SIGKILL: a machine that died), through the real
/// binary. Two tracker tenants on the cluster (its worker is stateless: no data, no published port, so not pinned); of one
/// whose data is on a worker node (D), the worker component is moved onto the other worker node (K) for the test (the other
/// nodes paused, its service forced to a new task). Kill K: Swarm reschedules it on a live node and the tenant's journey
/// (an item filed, then processed by the worker within 20 s) passes again (time to green printed). K back; kill D:
/// `status` says the tenant's database is down, naming the node and what to do (exit 5). D back: the tenant is healthy again.
/// Every node is running and active again when the test ends, even when it fails.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class NodeFailureTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("provision-nodes-").FullName;
    private readonly string _run = "n" + Guid.NewGuid().ToString("N")[..5];
    private readonly List<string> _made = [];
    private readonly HashSet<int> _killed = [];
    private readonly HashSet<string> _paused = [];

    [ClusterFact]
    public async Task StatelessNodeKilled_Rescheduled_JourneyGreen_DataNodeKilled_ReportedDown_BackWhenNodeIs()
    {
        var cli = new SwarmCli(_home);
        var names = new[] { $"{_run}-1", $"{_run}-2" };
        _made.AddRange(names);
        var made = await Task.WhenAll(names.Select(n => cli.RunAsync("tenant", n, "--template", "tracker")));
        Assert.All(made, r => Assert.True(r.ExitCode == 0, r.ToString()));

        // Two placements by capacity land on two nodes, so one tenant's data is on a worker.
        var dataNodes = new Dictionary<string, string>();
        foreach (var name in names)
        {
            dataNodes[name] = await NodeOfAsync(cli, name, "db");
        }

        var (tenant, dataNode) = dataNodes.First(kv => kv.Value != ClusterNodes.Hostname(1));
        var workerNode = ClusterNodes.Hostname(dataNode == ClusterNodes.Hostname(2) ? 3 : 2);
        await MoveWorkerAsync(tenant, workerNode);
        Assert.Equal(workerNode, await NodeOfAsync(cli, tenant, "worker"));

        // The worker's node dies: Swarm sees it down and starts the worker elsewhere; the journey passes again.
        var killed = Stopwatch.StartNew();
        await KillAsync(ClusterNodes.Number(workerNode));
        var green = await WaitUntilUpAsync(cli, tenant, TimeSpan.FromMinutes(4));
        Assert.True(green, $"{tenant} not healthy 4 min after {workerNode} died:\n{await cli.RunAsync("status", tenant)}");
        output.WriteLine($"{workerNode} killed: {tenant}'s worker rescheduled, journey green after {killed.Elapsed.TotalSeconds:F1} s");
        var movedTo = await NodeOfAsync(cli, tenant, "worker");
        Assert.NotEqual(workerNode, movedTo);
        await StartAsync(ClusterNodes.Number(workerNode));

        // The data node dies: the tenant is down, and status names the node and what to do.
        await KillAsync(ClusterNodes.Number(dataNode));
        await ClusterNodes.NodeScriptAsync("wait-down", ClusterNodes.Number(dataNode));
        var down = await cli.RunAsync("status", tenant);
        Assert.True(down.ExitCode == 5, down.ToString());
        Assert.Contains($"node {dataNode} is down: this component is pinned there (its data)", down.Stdout.Replace("\n", " ").Replace("│", " "), StringComparison.Ordinal);
        var check = await cli.RunAsync("check", tenant, "--json");
        Assert.Equal(5, check.ExitCode);

        // The node back: Swarm starts the database there again, on its own volume; the tenant is healthy.
        await StartAsync(ClusterNodes.Number(dataNode));
        Assert.True(await WaitUntilUpAsync(cli, tenant, TimeSpan.FromMinutes(4)), (await cli.RunAsync("status", tenant)).ToString());
        output.WriteLine($"{dataNode} killed and started again: {tenant} healthy");

        foreach (var name in names)
        {
            var destroyed = await cli.RunAsync("destroy", name, "--yes", "--delete-data");
            Assert.True(destroyed.ExitCode == 0, destroyed.ToString());
        }

        _made.Clear();
    }

    public void Dispose()
    {
        // A failed run still leaves every node running and active, and removes its tenants.
        if (SwarmCluster.SkipReason is null)
        {
            foreach (var n in _killed.ToList())
            {
                StartAsync(n).GetAwaiter().GetResult();
            }

            foreach (var node in _paused.ToList())
            {
                ClusterNodes.ManagerAsync($"node update --availability active {node}").GetAwaiter().GetResult();
            }

            var cli = new SwarmCli(_home);
            foreach (var name in _made)
            {
                cli.RunAsync("destroy", name, "--yes", "--delete-data").GetAwaiter().GetResult();
            }
        }

        Directory.Delete(_home, recursive: true);
    }

    /// <summary>Puts the tenant's worker on one node: every other node paused (no new task), the worker forced to a new task.</summary>
    private async Task MoveWorkerAsync(string tenant, string node)
    {
        var others = Enumerable.Range(1, 3).Select(ClusterNodes.Hostname).Where(h => h != node).ToList();
        try
        {
            foreach (var other in others)
            {
                _paused.Add(other);
                await ClusterNodes.ManagerAsync($"node update --availability pause {other}");
            }

            await ClusterNodes.ManagerAsync($"service update --force --detach=false --quiet t-{tenant}-worker");
        }
        finally
        {
            foreach (var other in others)
            {
                await ClusterNodes.ManagerAsync($"node update --availability active {other}");
                _paused.Remove(other);
            }
        }
    }

    private async Task KillAsync(int n)
    {
        _killed.Add(n);
        await ClusterNodes.NodeScriptAsync("kill", n);
    }

    private async Task StartAsync(int n)
    {
        await ClusterNodes.NodeScriptAsync("start", n);
        await ClusterNodes.NodeScriptAsync("wait-ready", n);
        _killed.Remove(n);
    }

    /// <summary>`check TENANT` every 3 s until it is up (the journey passes), for at most the given time.</summary>
    private static async Task<bool> WaitUntilUpAsync(SwarmCli cli, string tenant, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if ((await cli.RunAsync("check", tenant)).ExitCode == 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        return false;
    }

    private static async Task<string> NodeOfAsync(SwarmCli cli, string tenant, string component)
    {
        var status = await cli.RunAsync("status", tenant, "--json");
        using var json = JsonDocument.Parse(status.Stdout);
        return json.RootElement.GetProperty("components").EnumerateArray()
            .Single(c => c.GetProperty("component").GetString() == component).GetProperty("node").GetString() ?? "";
    }
}
