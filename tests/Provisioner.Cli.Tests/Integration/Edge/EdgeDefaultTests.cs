using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Edge;

/// <summary>
/// The edge is on without a domain being named: the tenant goes behind it at <c>https://&lt;tenant&gt;.localhost:&lt;port&gt;</c>
/// (names under localhost are this machine's), publishes no port of its own, and answers there over TLS from the edge's
/// CA; the edge's creation is in the dry run and counted among the changes; a rerun with the edge off is refused. The edge has this run's name and a free port (the machine's real default, provision-edge on 8443, is left alone).
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EdgeDefaultTests(EngineFixture engine) : IAsyncLifetime
{
    private readonly TestEdge _edge = new(engine.RunId, "edge-dflt");

    [Fact]
    public async Task NoDomainNamed_TenantBehindTheEdgeUnderLocalhost_NoPortOfItsOwn()
    {
        var environment = _edge.Environment();
        environment.Remove("PROVISIONER_EDGE_DOMAIN");
        var cli = engine.Cli(environment);
        var t = engine.Tenant("edge-dflt");

        var dry = await cli.RunAsync("tenant", t, "--dry-run");
        var made = await cli.RunAsync("tenant", t, "--json");

        Assert.True(dry.ExitCode == 0 && dry.Stdout.Contains($"create edge proxy {_edge.Name} (missing)", StringComparison.Ordinal), dry.ToString());
        Assert.True(made.ExitCode == 0, made.ToString());
        var changes = JsonDocument.Parse(made.Stdout).RootElement.GetProperty("changes").EnumerateArray();
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "edge proxy" && c.GetProperty("name").GetString() == _edge.Name);
        var url = $"https://{t}.localhost:{_edge.Port}";
        Assert.Equal(url, JsonDocument.Parse(made.Stdout).RootElement.GetProperty("tenant").GetProperty("endpoint").GetString());
        var ports = await Shell.RunAsync("docker", "inspect", "--format", "{{json .HostConfig.PortBindings}}", $"t-{t}-app");
        Assert.Matches("^(null|\\{\\})$", ports.Stdout.Trim());
        using var http = await _edge.ClientAsync(cli);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"{url}/readyz"))).StatusCode);

        // Rerun with the edge off (a user who turned it off for a new tenant): refused before anything changes, dry run too.
        var app = (await Shell.RunAsync("docker", "inspect", "--format", "{{.Id}}", $"t-{t}-app")).Stdout.Trim();
        var off = cli.With(new Dictionary<string, string> { ["PROVISIONER_EDGE"] = "off" });
        foreach (var rerun in new[] { await off.RunAsync("tenant", t), await off.RunAsync("tenant", t, "--dry-run") })
        {
            Assert.True(rerun.ExitCode == 2 && rerun.Stderr.Contains($"tenant {t} is behind the edge proxy", StringComparison.Ordinal), rerun.ToString());
        }

        // A backup online needs no stamp; a restore (it stops the app and starts it again) is refused before it stages
        // anything or marks the tenant Restoring.
        Assert.Equal(0, (await off.RunAsync("backup", t)).ExitCode);
        var restore = await off.RunAsync("restore", t);
        Assert.True(restore.ExitCode == 2 && restore.Stderr.Contains($"tenant {t} is behind the edge proxy", StringComparison.Ordinal), restore.ToString());
        Assert.Contains("\"status\": \"Active\"", (await cli.RunAsync("status", t, "--json")).Stdout, StringComparison.Ordinal);

        Assert.Equal(app, (await Shell.RunAsync("docker", "inspect", "--format", "{{.Id}}", $"t-{t}-app")).Stdout.Trim());
        Assert.Equal("true", (await Shell.RunAsync("docker", "inspect", "--format", "{{.State.Running}}", $"t-{t}-app")).Stdout.Trim());
        var status = await off.RunAsync("status", t);
        Assert.True(status.ExitCode == 5 && status.Stdout.Contains($"{t} is behind the edge proxy, which is off for this run", StringComparison.Ordinal), status.ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"{url}/readyz"))).StatusCode);

        // Converged reruns: the first records what it loaded into the running edge, the second loads nothing; both pass
        // their gate through the edge.
        foreach (var round in new[] { 1, 2 })
        {
            var converged = await cli.RunAsync("tenant", t);
            Assert.True(converged.ExitCode == 0 && converged.Stdout.Contains("no changes (already converged)", StringComparison.Ordinal), $"rerun {round}: {converged}");
            Assert.True(File.Exists(Path.Combine(cli.Home, "edge", $"{_edge.Name}-loaded")), $"rerun {round}: no record of the routes loaded");
        }

        // The entry taken off its edge network by hand: unreachable through the edge. Drift names it; a rerun replaces
        // the container (attached again) and passes its gate through the edge.
        Assert.Equal(0, (await Shell.RunAsync("docker", "network", "disconnect", $"t-{t}-edge", $"t-{t}-app")).ExitCode);
        var drift = await cli.RunAsync("drift", t, "--json");
        Assert.True(drift.ExitCode == 6, drift.ToString());
        var finding = Assert.Single(JsonDocument.Parse(drift.Stdout).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("detached", $"container t-{t}-app"), (finding.GetProperty("kind").GetString(), finding.GetProperty("resource").GetString()));
        var mended = await cli.RunAsync("tenant", t);
        Assert.True(mended.ExitCode == 0 && mended.Stderr.Contains($"replace container t-{t}-app (detached by hand from network t-{t}-edge)", StringComparison.Ordinal), mended.ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"{url}/readyz"))).StatusCode);
        Assert.Equal(0, (await cli.RunAsync("drift", t)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", t, "--yes", "--delete-data")).ExitCode);
    }

    [Fact]
    public async Task EdgePortTakenByAnotherProgram_RefusedBeforeAnythingIsMade()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, _edge.Port);
        squatter.Start();
        var cli = engine.Cli(_edge.Environment());
        var t = engine.Tenant("edge-taken");

        var refused = await cli.RunAsync("tenant", t);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains($"cannot publish 127.0.0.1:{_edge.Port}: the port is taken by another process", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("", (await Shell.RunAsync("docker", "ps", "-aq", "--filter", $"name=t-{t}-")).Stdout.Trim());
        Assert.Equal("", (await Shell.RunAsync("docker", "network", "ls", "-q", "--filter", $"name=t-{t}-")).Stdout.Trim());
        Assert.Equal("", (await Shell.RunAsync("docker", "ps", "-aq", "--filter", $"name=^{_edge.Name}$")).Stdout.Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The edge goes first (a tenant network it is attached to cannot be removed); the fixture removes the tenants.</summary>
    public async Task DisposeAsync() => await _edge.DisposeAsync();
}
