using System.Text.Json;
using Provisioner.Swarm.Tests.Support;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// The cluster's one front door, through the real binary on the real 3-node cluster with the edge on: two notes tenants
/// made at once get no published port and only internal overlays; the edge (a container on the manager's engine, its own
/// name and port per run) is the one port, and their health gates and journeys pass through it at
/// https://NAME.swarm.localhost:PORT. A client that trusts <c>edge ca --backend swarm</c> reaches each tenant by its name at
/// the manager's address (a note written to one is not in the other); <c>edge remove</c> is refused while they are behind
/// it; destroying one takes only its route (its name gets no certificate, the other still answers); with both gone the
/// edge is removed and nothing of it is left on the manager.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class SwarmEdgeTests : IDisposable
{
    private const int Port = 18443;

    private readonly string _home = Directory.CreateTempSubdirectory("provision-swarm-edge-").FullName;
    private readonly string _run = "e" + Guid.NewGuid().ToString("N")[..5];
    private readonly List<string> _made = [];

    private string EdgeName => $"pe{_run}-swarm";

    [ClusterFact]
    public async Task TwoTenants_BehindTheClusterEdge_NoPortsNoRouteOut_ReachedByName_RoutesFollowDestroy()
    {
        var cli = Cli();
        var (a, b) = ($"{_run}-a", $"{_run}-b");
        _made.AddRange([a, b]);
        var made = await Task.WhenAll(cli.RunAsync("tenant", a), cli.RunAsync("tenant", b));
        foreach (var (name, result) in new[] { a, b }.Zip(made))
        {
            Assert.True(result.ExitCode == 0, $"{name}: {result}");
            Assert.Contains($"Tenant {name} is Active: notes@1.1.0 (small) at https://{name}.swarm.localhost:{Port}", result.Stdout);
            Assert.Contains("app:journey notes-roundtrip │ passed", result.Stdout);
        }

        // No tenant service publishes a port; every tenant network is internal (no route out); the edge is the one port.
        foreach (var name in new[] { a, b })
        {
            foreach (var component in new[] { "app", "db" })
            {
                var ports = await ClusterNodes.ManagerAsync($"service inspect t-{name}-{component} --format '{{{{json .Endpoint.Ports}}}}'");
                Assert.True(ports.Trim() is "null" or "[]", $"t-{name}-{component} publishes {ports}");
            }

            foreach (var network in new[] { "internal", "edge" })
            {
                Assert.Equal("true", (await ClusterNodes.ManagerAsync($"network inspect t-{name}-{network} --format '{{{{.Internal}}}}'")).Trim());
            }
        }

        Assert.Contains($"0.0.0.0:{Port}->8443/tcp", await ClusterNodes.ManagerAsync($"ps --filter name={EdgeName} --format '{{{{.Ports}}}}'"));
        var listed = await cli.ListedAsync(a);
        Assert.Equal($"https://{a}.swarm.localhost:{Port}", listed.GetProperty("endpoint").GetString());

        // A client that trusts the cluster edge's root, each name sent to the manager's address.
        var ca = await cli.RunAsync("edge", "ca", "--backend", "swarm", "--json");
        Assert.True(ca.ExitCode == 0, ca.ToString());
        var caFile = JsonDocument.Parse(ca.Stdout).RootElement.GetProperty("caFile").GetString()!;
        var manager = ClusterNodes.Of(1).Address;
        string Curl(string tenant, string rest = "") =>
            $"curl -fsS --max-time 10 --cacert '{caFile}' --resolve {tenant}.swarm.localhost:{Port}:{manager} {rest} https://{tenant}.swarm.localhost:{Port}/api/notes";
        await ClusterNodes.ShellAsync(Curl(a, $"-H 'content-type: application/json' -d '{{\"body\":\"only in {a}\"}}'"));
        Assert.Contains($"only in {a}", await ClusterNodes.ShellAsync(Curl(a)));
        Assert.DoesNotContain($"only in {a}", await ClusterNodes.ShellAsync(Curl(b)));

        // Removing the edge would cut them off: refused, naming them.
        var refused = await cli.RunAsync("edge", "remove", "--backend", "swarm");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"the edge proxy {EdgeName} still serves 2 tenant(s)", refused.Stderr);

        // Destroying one takes its route only.
        var destroyed = await cli.RunAsync("destroy", a, "--yes", "--delete-data");
        Assert.True(destroyed.ExitCode == 0, destroyed.ToString());
        Assert.NotEqual(0, await ClusterNodes.ExitCodeAsync(Curl(a)));
        Assert.StartsWith("[", (await ClusterNodes.ShellAsync(Curl(b))).Trim());

        Assert.Equal(0, (await cli.RunAsync("destroy", b, "--yes", "--delete-data")).ExitCode);
        var removed = await cli.RunAsync("edge", "remove", "--backend", "swarm");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains($"Removed the edge proxy {EdgeName}", removed.Stdout);
        Assert.Equal("", (await ClusterNodes.ManagerAsync($"ps -aq --filter name={EdgeName}")).Trim());
        Assert.Equal("", (await ClusterNodes.ManagerAsync($"network ls -q --filter name=t-{_run}-")).Trim());
    }

    public void Dispose()
    {
        // A failed run still removes what it made, the edge last.
        if (SwarmCluster.SkipReason is null)
        {
            var cli = Cli();
            foreach (var name in _made)
            {
                cli.RunAsync("destroy", name, "--yes", "--delete-data").GetAwaiter().GetResult();
            }

            cli.RunAsync("edge", "remove", "--backend", "swarm").GetAwaiter().GetResult();

            // Whatever a failed run left of the edge (a refused remove), so its port is free for the next run.
            ClusterNodes.ExitCodeAsync($"docker -H '{SwarmCluster.Manager}' rm -f {EdgeName}; docker -H '{SwarmCluster.Manager}' network rm {EdgeName}; docker -H '{SwarmCluster.Manager}' volume rm {EdgeName}-data")
                .GetAwaiter().GetResult();
        }

        Directory.Delete(_home, recursive: true);
    }

    /// <summary>The swarm backend with the edge on: its own name (the cluster's edge is NAME-swarm) and port per run.</summary>
    private SwarmCli Cli()
    {
        var cli = new SwarmCli(_home);
        cli.Environment["PROVISIONER_EDGE"] = null;
        cli.Environment["PROVISIONER_EDGE_NAME"] = $"pe{_run}";
        cli.Environment["PROVISIONER_EDGE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return cli;
    }
}
