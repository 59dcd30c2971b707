using System.Text.Json;
using Provisioner.Swarm.Tests.Support;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// The edge proxy on a remote engine, with nothing configured but the engine: one node of the test cluster used as a
/// plain Docker engine over its TLS endpoint (tcp://ADDRESS:2376), the edge on (the default), no <c>publishAddress</c>.
/// The edge publishes its port on the node's address (not the node's own loopback, which nothing here could reach), the
/// tenant's health gate and journey pass through it, <c>status</c> says it is up, and a client that trusts the exported CA
/// reads the tenant's notes at https://NAME.localhost:8443 sent to that address. Destroy and <c>edge remove</c> leave
/// nothing on the node.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class RemoteEngineEdgeTests : IDisposable
{
    private const int Node = 2;

    private readonly string _home = Directory.CreateTempSubdirectory("provision-remote-edge-").FullName;
    private readonly string _tenant = "re" + Guid.NewGuid().ToString("N")[..5];
    private readonly string _edge = "pe" + Guid.NewGuid().ToString("N")[..5];

    [ClusterFact]
    public async Task RemoteEngine_EdgePublishedOnItsAddress_GateAndClientsThroughIt()
    {
        var (address, socket) = ClusterNodes.Of(Node);
        await ClusterNodes.ShellAsync($"docker save notes-app:1.1.0 provisioner/postgres:15 provisioner/edge:2.6 | docker -H {socket} load -q");
        var cli = Cli(address);

        var made = await cli.RunAsync("tenant", _tenant, "--template", "notes@1.1.0");
        Assert.True(made.ExitCode == 0, made.ToString());
        Assert.Contains($"Tenant {_tenant} is Active", made.Stdout);
        Assert.Contains("app:journey notes-roundtrip │ passed", made.Stdout);

        // Published on the node's address only; the tenant's entry publishes nothing.
        var bindings = await ClusterNodes.ShellAsync($"docker -H {socket} inspect {_edge} --format '{{{{json .HostConfig.PortBindings}}}}'");
        Assert.Contains($"\"HostIp\":\"{address}\",\"HostPort\":\"8443\"", bindings);
        var entry = await ClusterNodes.ShellAsync($"docker -H {socket} inspect t-{_tenant}-app --format '{{{{json .HostConfig.PortBindings}}}}'");
        Assert.DoesNotContain("HostPort", entry);

        var status = await cli.RunAsync("status", _tenant, "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        var tenant = JsonDocument.Parse(status.Stdout).RootElement.GetProperty("tenant");
        Assert.Equal($"https://{_tenant}.localhost:8443", tenant.GetProperty("endpoint").GetString());

        // A client that trusts the exported root, its name sent to the node's address (no DNS for *.localhost there).
        var ca = await cli.RunAsync("edge", "ca");
        Assert.True(ca.ExitCode == 0, ca.ToString());
        var notes = await ClusterNodes.ShellAsync(
            $"curl -fsS --max-time 10 --cacert '{ca.Stdout.Trim()}' --resolve {_tenant}.localhost:8443:{address} https://{_tenant}.localhost:8443/api/notes");
        Assert.StartsWith("[", notes.Trim());

        // Destroy and `edge remove` leave nothing of either on the node.
        Assert.Equal(0, (await cli.RunAsync("destroy", _tenant, "--yes", "--delete-data")).ExitCode);
        var removed = await cli.RunAsync("edge", "remove");
        Assert.True(removed.ExitCode == 0 && removed.Stdout.Contains($"Removed the edge proxy {_edge}", StringComparison.Ordinal), removed.ToString());
        Assert.Equal("", (await ClusterNodes.ShellAsync($"docker -H {socket} ps -aq --filter name={_edge}")).Trim());
        Assert.Equal("", (await ClusterNodes.ShellAsync($"docker -H {socket} ps -aq --filter name=t-{_tenant}-")).Trim());
        Assert.Equal("", (await ClusterNodes.ShellAsync($"docker -H {socket} network ls -q --filter name={_edge} --filter name=t-{_tenant}-")).Trim());
    }

    public void Dispose()
    {
        // A failed run still removes what it made: the tenant, then the edge (by name when its remove was refused).
        if (SwarmCluster.SkipReason is null)
        {
            var (address, socket) = ClusterNodes.Of(Node);
            var cli = Cli(address);
            cli.RunAsync("destroy", _tenant, "--yes", "--delete-data").GetAwaiter().GetResult();
            cli.RunAsync("edge", "remove").GetAwaiter().GetResult();
            ClusterNodes.ExitCodeAsync($"docker -H {socket} rm -f {_edge}; docker -H {socket} network rm {_edge}; docker -H {socket} volume rm {_edge}-data").GetAwaiter().GetResult();
        }

        Directory.Delete(_home, recursive: true);
    }

    /// <summary>The docker backend on the node's engine over TLS, the edge on (its own name per run), no publishAddress.</summary>
    private SwarmCli Cli(string address)
    {
        var cli = new SwarmCli(_home);
        cli.Environment["PROVISIONER_BACKEND"] = "docker";
        cli.Environment["DOCKER_HOST"] = $"tcp://{address}:2376";
        cli.Environment["DOCKER_TLS_VERIFY"] = "1";
        cli.Environment["DOCKER_CERT_PATH"] = SwarmCluster.TlsClientFolder;
        cli.Environment["PROVISIONER_EDGE"] = null;
        cli.Environment["PROVISIONER_EDGE_NAME"] = _edge;
        return cli;
    }
}
