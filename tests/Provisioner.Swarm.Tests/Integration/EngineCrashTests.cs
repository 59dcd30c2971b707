using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Provisioner.Swarm.Tests.Support;

namespace Provisioner.Swarm.Tests.Integration;

/// <summary>
/// A real engine crash, which the main engine (shared by every other suite) cannot be put through: one node of the test
/// cluster is used as a plain Docker engine (the docker backend over its TLS endpoint, entry ports published on the node's
/// address), three notes tenants run on it with a note written to one, and every process of that node (its dockerd,
/// containerd, shims and the tenants' containers) is killed with SIGKILL: a power cut. While it is dead `check --all`
/// says the three are down (exit 5); with the engine back (its restart policy starts the containers, without the secrets
/// their tmpfs lost) `check --all` still says so; `reconcile --all` delivers the secrets again and health-gates each
/// (all three converged); `check --all` exit 0, and the note written before the crash is there. The node rejoins the swarm
/// before the test ends, even when it fails.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
[Trait("Category", "Swarm")]
public sealed class EngineCrashTests : IDisposable
{
    private const int Node = 3;

    private readonly string _home = Directory.CreateTempSubdirectory("provision-crash-").FullName;
    private readonly string _run = "k" + Guid.NewGuid().ToString("N")[..5];
    private readonly List<string> _made = [];
    private bool _killed;

    [ClusterFact]
    public async Task Kill9OfTheEngine_CheckSaysDown_ReconcileBringsAllThreeBack_DataKept()
    {
        var (address, socket) = ClusterNodes.Of(Node);
        await ClusterNodes.ShellAsync($"docker save notes-app:1.1.0 provisioner/postgres:15 | docker -H {socket} load -q");
        var cli = Cli(address);
        var names = Enumerable.Range(1, 3).Select(i => $"{_run}-{i}").ToList();
        _made.AddRange(names);
        var made = await Task.WhenAll(names.Select(n => cli.RunAsync("tenant", n, "--template", "notes@1.1.0")));
        Assert.All(made, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var endpoint = await EndpointOfAsync(cli, names[0]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var written = await http.PostAsJsonAsync(new Uri(endpoint, "/api/notes"), new { body = $"before the crash {_run}" });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var id = JsonDocument.Parse(await written.Content.ReadAsStringAsync()).RootElement.GetProperty("id").ToString();
        Assert.Equal(0, (await cli.RunAsync("check", "--all")).ExitCode);

        // The power cut: SIGKILL to every process of the node. While it is dead, every tenant on it is down.
        _killed = true;
        await ClusterNodes.NodeScriptAsync("kill", Node);
        var dead = await cli.RunAsync("check", "--all", "--json");
        Assert.True(dead.ExitCode == 5, dead.ToString());
        Assert.All(Statuses(dead, names), s => Assert.NotEqual("up", s));

        // The engine back: its restart policy starts the containers, which wait for the secrets their tmpfs lost.
        await ClusterNodes.NodeScriptAsync("start", Node);
        await ClusterNodes.NodeScriptAsync("wait-ready", Node);
        _killed = false;
        var back = await cli.RunAsync("check", "--all", "--json");
        Assert.True(back.ExitCode == 5, back.ToString());
        Assert.All(Statuses(back, names), s => Assert.NotEqual("up", s));

        var reconciled = await cli.RunAsync("reconcile", "--all", "--parallel", "3", "--json");
        Assert.True(reconciled.ExitCode == 0, reconciled.ToString());
        var outcomes = JsonDocument.Parse(reconciled.Stdout).RootElement.GetProperty("tenants").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tenant").GetString()!, t => t.GetProperty("outcome").GetString());
        Assert.All(names, n => Assert.Equal("converged", outcomes[n]));

        var healthy = await cli.RunAsync("check", "--all", "--json");
        Assert.True(healthy.ExitCode == 0, healthy.ToString());
        Assert.All(Statuses(healthy, names), s => Assert.Equal("up", s));
        var read = await http.GetAsync(new Uri(endpoint, $"/api/notes/{id}"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains($"before the crash {_run}", await read.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        // A failed run still brings the node back into the swarm (the tests after this one need it) and removes its tenants.
        if (SwarmCluster.SkipReason is null)
        {
            if (_killed)
            {
                ClusterNodes.NodeScriptAsync("start", Node).GetAwaiter().GetResult();
                ClusterNodes.NodeScriptAsync("wait-ready", Node).GetAwaiter().GetResult();
            }

            var cli = Cli(ClusterNodes.Of(Node).Address);
            foreach (var name in _made)
            {
                cli.RunAsync("destroy", name, "--yes", "--delete-data").GetAwaiter().GetResult();
            }
        }

        Directory.Delete(_home, recursive: true);
    }

    /// <summary>The docker backend on the node's engine over TLS; entry ports on the node's address, which this machine reaches.</summary>
    private SwarmCli Cli(string address)
    {
        var config = Path.Combine(_home, "provisioner.yaml");
        File.WriteAllText(config, $"publishAddress: {address}\n");
        var cli = new SwarmCli(_home);
        cli.Environment["PROVISIONER_CONFIG"] = config;
        cli.Environment["PROVISIONER_BACKEND"] = "docker";
        cli.Environment["DOCKER_HOST"] = $"tcp://{address}:2376";
        cli.Environment["DOCKER_TLS_VERIFY"] = "1";
        cli.Environment["DOCKER_CERT_PATH"] = SwarmCluster.TlsClientFolder;
        return cli;
    }

    private static async Task<Uri> EndpointOfAsync(SwarmCli cli, string tenant)
    {
        var status = await cli.RunAsync("status", tenant, "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        return new Uri(JsonDocument.Parse(status.Stdout).RootElement.GetProperty("tenant").GetProperty("endpoint").GetString()!);
    }

    private static IEnumerable<string?> Statuses(CliResult check, IEnumerable<string> names)
    {
        var tenants = JsonDocument.Parse(check.Stdout).RootElement.GetProperty("tenants").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tenant").GetString()!, t => t.GetProperty("state").GetString());
        return names.Select(n => tenants[n]);
    }
}
