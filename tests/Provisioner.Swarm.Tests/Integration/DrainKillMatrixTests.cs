using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Provisioner.Swarm.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// <c>provision host drain NODE</c> killed at every journaled step boundary, on the real cluster (<c>make soak</c>; its
/// single kill point, mid-restore with two tenants, runs in <c>make test</c> in <see cref="DrainTests"/>). Before each run a
/// notes tenant is made afresh on NODE (the other nodes paused meanwhile) with one note; after the rerun the tenant is
/// Active on another node with that note readable at its new endpoint, its volume on that node and on no other (none
/// left on NODE), NODE drained, every backup folder complete and no lock held. Between the kill and the rerun a customer
/// writes a note; when the tenant accepted it then, it is there after the rerun too.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class DrainKillMatrixTests(ITestOutputHelper output) : IDisposable
{
    private const int Node = 2;

    private readonly string _home = Directory.CreateTempSubdirectory("provision-drainkill-").FullName;
    private readonly string _name = "dk" + Guid.NewGuid().ToString("N")[..5];

    [ClusterSoakFact]
    public async Task Drain_KilledAtEachBoundary_RerunMovesTheTenantWithItsData()
    {
        var cli = new SwarmCli(_home);
        var host = ClusterNodes.Hostname(Node);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var note = "";
        string? late = null;
        var scenario = new KillScenario(
            "drain",
            ["host", "drain", host],
            async () =>
            {
                note = await MakeOnNodeAsync(cli, http);
                late = null;
            },
            0,
            async () =>
            {
                var tenant = await cli.ListedAsync(_name);
                Assert.Equal("Active", tenant.GetProperty("status").GetString());
                Assert.NotEqual(host, tenant.GetProperty("host").GetString());
                foreach (var (id, body) in new[] { (note, $"kept {_name}"), (late, $"written after the kill {_name}") })
                {
                    if (id is null)
                    {
                        continue;
                    }

                    var read = await http.GetAsync(new Uri(new Uri(tenant.GetProperty("endpoint").GetString()!), $"/api/notes/{id}"));
                    Assert.True(read.StatusCode == HttpStatusCode.OK, $"note {id} ({body}): HTTP {(int)read.StatusCode}");
                    Assert.Contains(body, await read.Content.ReadAsStringAsync());
                }
                // The registry equals the nodes: the tenant's volume is on the node it is recorded on, and on no other.
                foreach (var n in Enumerable.Range(1, 3))
                {
                    var volumes = await ClusterNodes.ShellAsync($"docker -H '{ClusterNodes.Of(n).Socket}' volume ls --format '{{{{.Name}}}}'");
                    var here = volumes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v.StartsWith($"t-{_name}-", StringComparison.Ordinal)).ToList();
                    Assert.True(
                        ClusterNodes.Hostname(n) == tenant.GetProperty("host").GetString() ? here.SequenceEqual([$"t-{_name}-db-data"]) : here.Count == 0,
                        $"{ClusterNodes.Hostname(n)} holds [{string.Join(", ", here)}]; {_name} is recorded on {tenant.GetProperty("host").GetString()}");
                }

                using var nodes = JsonDocument.Parse((await cli.RunAsync("host", "list", "--json")).Stdout);
                Assert.Equal("drain", nodes.RootElement.EnumerateArray().Single(n => n.GetProperty("name").GetString() == host).GetProperty("availability").GetString());
                StateFolderChecks.CompleteBackupsOnly(_home, _name);
            })
        {
            // A customer writes while the drain lies dead: a note the tenant accepted then (its app serving on either node)
            // must be there after the rerun.
            AfterKillAsync = async () =>
            {
                late = await TryWriteAsync(cli, http, $"written after the kill {_name}");
                output.WriteLine($"after the kill: a customer's note {(late is null ? "was refused" : $"was accepted ({late})")}");
            },
        };

        var rows = await SwarmKillMatrix.Of(_home, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

        KillMatrix.AssertAllGreen(rows);
    }

    /// <summary>
    /// A note written to the tenant wherever its app answers: its port is published on the node that runs it, so a customer
    /// behind a load balancer over every node reaches it on its new node as soon as it runs there, before the registry
    /// says so. Tried on every node once a second for 20 s (an app the killed run had just started needs a few seconds):
    /// the note's id, or null when the tenant accepted none in that time.
    /// </summary>
    private async Task<string?> TryWriteAsync(SwarmCli cli, HttpClient http, string body)
    {
        var port = new Uri((await cli.ListedAsync(_name)).GetProperty("endpoint").GetString()!).Port;
        var nodes = Enumerable.Range(1, 3).Select(n => new Uri($"http://{ClusterNodes.Of(n).Address}:{port}/api/notes")).ToList();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            foreach (var node in nodes)
            {
                try
                {
                    var written = await http.PostAsJsonAsync(node, new { body });
                    if (written.StatusCode == HttpStatusCode.Created)
                    {
                        using var doc = JsonDocument.Parse(await written.Content.ReadAsStringAsync());
                        return $"{doc.RootElement.GetProperty("id")}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // not serving there now
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return null;
    }

    /// <summary>The tenant made afresh on <see cref="Node"/> (every node active, then the others paused while it is made), with one note; the note's id.</summary>
    private async Task<string> MakeOnNodeAsync(SwarmCli cli, HttpClient http)
    {
        await ClusterNodes.AvailabilityAsync("active", Enumerable.Range(1, 3));
        var destroyed = await cli.RunAsync("destroy", _name, "--yes", "--delete-data");
        Assert.True(destroyed.ExitCode is 0 or 2, destroyed.ToString()); // 2: none yet
        await ClusterNodes.AvailabilityAsync("pause", ClusterNodes.AllBut(Node));
        try
        {
            var made = await cli.RunAsync("tenant", _name);
            Assert.True(made.ExitCode == 0, made.ToString());
        }
        finally
        {
            await ClusterNodes.AvailabilityAsync("active", ClusterNodes.AllBut(Node));
        }

        var tenant = await cli.ListedAsync(_name);
        Assert.Equal(ClusterNodes.Hostname(Node), tenant.GetProperty("host").GetString());
        var written = await http.PostAsJsonAsync(new Uri(new Uri(tenant.GetProperty("endpoint").GetString()!), "/api/notes"), new { body = $"kept {_name}" });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        using var doc = JsonDocument.Parse(await written.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("id").ToString();
    }

    public void Dispose()
    {
        // A failed run still leaves every node active and removes its tenant.
        if (SwarmCluster.SkipReason is null && KillMatrixMode.Full)
        {
            ClusterNodes.AvailabilityAsync("active", Enumerable.Range(1, 3)).GetAwaiter().GetResult();
            new SwarmCli(_home).RunAsync("destroy", _name, "--yes", "--delete-data").GetAwaiter().GetResult();
        }

        Directory.Delete(_home, recursive: true);
    }
}
