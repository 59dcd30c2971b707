using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Provisioner.Swarm.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// `provision host drain` with data, on the real cluster, through the real binary: two notes tenants with a note each, both
/// placed on one worker node (the other nodes paused while they are provisioned). The drain is killed with SIGKILL while the
/// first tenant's data is restored on its new node; the rerun finishes it from the same backup and moves the second: both
/// end Active on other nodes with their data checksums identical to the backup's, their notes readable at their new
/// endpoints, the old volumes gone from the drained node, and the node drained. Names are unique per run; every node is
/// active again at the end, even when the test fails.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class DrainTests(ITestOutputHelper output) : IDisposable
{
    private const int Node = 2;

    private readonly string _home = Directory.CreateTempSubdirectory("provision-drain-").FullName;
    private readonly string _run = "d" + Guid.NewGuid().ToString("N")[..5];
    private readonly List<string> _made = [];

    [ClusterFact]
    public async Task DrainNodeWithTwoTenants_KilledMidway_RerunMovesBothWithTheirData()
    {
        var cli = new SwarmCli(_home);
        var host = ClusterNodes.Hostname(Node);
        var names = new[] { $"{_run}-1", $"{_run}-2" };
        _made.AddRange(names);
        await ClusterNodes.AvailabilityAsync("pause", ClusterNodes.AllBut(Node));
        try
        {
            var made = await Task.WhenAll(names.Select(n => cli.RunAsync("tenant", n)));
            Assert.All(made, r => Assert.True(r.ExitCode == 0, r.ToString()));
        }
        finally
        {
            await ClusterNodes.AvailabilityAsync("active", ClusterNodes.AllBut(Node));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var notes = new Dictionary<string, string>();
        foreach (var name in names)
        {
            Assert.Equal(host, (await cli.ListedAsync(name)).GetProperty("host").GetString());
            var written = await http.PostAsJsonAsync(new Uri(new Uri((await cli.ListedAsync(name)).GetProperty("endpoint").GetString()!), "/api/notes"), new { body = $"kept {name}" });
            Assert.Equal(HttpStatusCode.Created, written.StatusCode);
            notes[name] = JsonDocument.Parse(await written.Content.ReadAsStringAsync()).RootElement.GetProperty("id").ToString();
        }

        // Killed while the first tenant's data is restored on its new node.
        using (var drain = cli.Start("host", "drain", host))
        {
            var stdout = drain.StandardOutput.ReadToEndAsync();
            var seen = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            while (await drain.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.Add(line);
                if (line.Contains($"{names[0]}: restoring db from", StringComparison.Ordinal))
                {
                    drain.Kill(); // SIGKILL
                    break;
                }
            }

            await drain.WaitForExitAsync(timeout.Token);
            await stdout;
            Assert.True(drain.ExitCode == 137, $"the drain was not killed mid-way (exit {drain.ExitCode}):\n{string.Join("\n", seen)}");
        }

        var rerun = await cli.RunAsync("host", "drain", host, "--json");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        output.WriteLine(rerun.Stderr);
        var report = JsonDocument.Parse(rerun.Stdout).RootElement;
        Assert.True(report.GetProperty("drained").GetBoolean());
        var moves = report.GetProperty("tenants").EnumerateArray().ToDictionary(t => t.GetProperty("tenant").GetString()!);
        Assert.Contains($"{names[0]}: finishing an interrupted move", rerun.Stderr);
        foreach (var name in names)
        {
            var move = moves[name];
            Assert.Equal("moved", move.GetProperty("outcome").GetString());
            Assert.True(move.GetProperty("checksumsMatch").GetBoolean(), move.ToString());
            output.WriteLine($"{name}: {host} -> {move.GetProperty("to").GetString()} in {move.GetProperty("seconds").GetDouble()} s, writers stopped {move.GetProperty("downtimeSeconds").GetDouble()} s");

            var tenant = await cli.ListedAsync(name);
            Assert.Equal("Active", tenant.GetProperty("status").GetString());
            Assert.NotEqual(host, tenant.GetProperty("host").GetString());
            Assert.Equal(move.GetProperty("to").GetString(), tenant.GetProperty("host").GetString());
            var read = await http.GetAsync(new Uri(new Uri(tenant.GetProperty("endpoint").GetString()!), $"/api/notes/{notes[name]}"));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains($"kept {name}", await read.Content.ReadAsStringAsync());
        }

        var volumes = await ClusterNodes.ShellAsync($"docker -H '{ClusterNodes.Of(Node).Socket}' volume ls --format '{{{{.Name}}}}'");
        Assert.DoesNotContain($"t-{_run}-", volumes);
        var nodes = JsonDocument.Parse((await cli.RunAsync("host", "list", "--json")).Stdout).RootElement.EnumerateArray();
        Assert.Equal("drain", nodes.Single(n => n.GetProperty("name").GetString() == host).GetProperty("availability").GetString());
    }

    public void Dispose()
    {
        // A failed run still leaves every node active and removes its tenants.
        if (SwarmCluster.SkipReason is null)
        {
            ClusterNodes.AvailabilityAsync("active", Enumerable.Range(1, 3)).GetAwaiter().GetResult();

            var cli = new SwarmCli(_home);
            foreach (var name in _made)
            {
                cli.RunAsync("destroy", name, "--yes", "--delete-data").GetAwaiter().GetResult();
            }
        }

        Directory.Delete(_home, recursive: true);
    }
}
