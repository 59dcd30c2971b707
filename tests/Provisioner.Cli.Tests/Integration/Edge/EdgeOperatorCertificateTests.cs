using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Edge;

/// <summary>
/// The operator's own certificate on the edge (edge.certificate, edge.key, edge.ca in provisioner.yaml, paths relative to
/// it), made with openssl: one for another domain is refused before anything is created; the right one is what the edge
/// serves (same SHA-256 fingerprint), the health gate and a client trusting only the operator's root pass through it,
/// and a name that is no tenant's gets 421; `drift` finds none (with the edge off: not compared). `edge remove` refuses while the tenant is behind it, then removes it all. The tenant is a tracker: its queue's tcp check, whose network the machine cannot reach behind the edge, runs inside it.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EdgeOperatorCertificateTests(EngineFixture engine) : IAsyncLifetime
{
    private const string Domain = "customers.test";
    private readonly string _edge = $"it{engine.RunId}-edge-op";
    private readonly int _port = EdgeClient.FreePort();
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-op-").FullName;

    [Fact]
    public async Task OperatorCertificate_ServedByTheEdge_GateAndClientsTrustItsRoot_OneForAnotherDomainRefusedFirst()
    {
        var made = await Shell.RunAsync("bash", ["-c", Certificates], TimeSpan.FromMinutes(1));
        Assert.True(made.ExitCode == 0, made.ToString());
        var env = new Dictionary<string, string>
        {
            ["PROVISIONER_EDGE"] = "on",
            ["PROVISIONER_CONFIG"] = Path.Combine(_dir, "provisioner.yaml"),
            ["PROVISIONER_EDGE_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PROVISIONER_EDGE_NAME"] = _edge,
        };
        var cli = engine.Cli(env);
        var (bad, good) = (engine.Tenant("edgeop-x"), engine.Tenant("edgeop-a"));

        Config("other.pem", "other.key");
        var refused = await cli.RunAsync("tenant", bad);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"does not cover *.{Domain}", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(await engine.ContainersOf(bad));
        Assert.Equal(1, (await Shell.RunAsync("docker", "inspect", _edge)).ExitCode);

        Config("edge.pem", "edge.key");
        var created = await cli.RunAsync("tenant", good, "--template", "tracker");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"at https://{good}.{Domain}:{_port};", created.Stdout, StringComparison.Ordinal);
        Assert.Contains($"create edge proxy {_edge} (https on 127.0.0.1:{_port} for *.{Domain}; the operator's certificate)", created.All, StringComparison.Ordinal);

        var served = await Shell.RunAsync("bash", ["-c",
            $"openssl s_client -connect 127.0.0.1:{_port} -servername {good}.{Domain} </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256"], TimeSpan.FromMinutes(1));
        var expected = await Shell.RunAsync("openssl", "x509", "-in", Path.Combine(_dir, "edge.pem"), "-noout", "-fingerprint", "-sha256");
        Assert.Equal(expected.Stdout.Trim(), served.Stdout.Trim());

        var ca = await cli.RunAsync("edge", "ca");
        Assert.Equal(Path.Combine(_dir, "ca.pem"), ca.Stdout.Trim());
        using var http = EdgeClient.For(_port, Path.Combine(_dir, "ca.pem"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri($"https://{good}.{Domain}:{_port}/readyz"))).StatusCode);

        // The wildcard certificate lets any name's handshake pass: a name that is no tenant's is answered 421, never proxied.
        Assert.Equal(System.Net.HttpStatusCode.MisdirectedRequest, (await http.GetAsync(new Uri($"https://nobody{engine.RunId}.{Domain}:{_port}/"))).StatusCode);
        var status = await cli.RunAsync("status", good, "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("127.0.0.1:6379 inside queue", status.Stdout, StringComparison.Ordinal);

        // Drift compares it with its stamp behind the edge (its https address is in the web's environment): none. With the
        // edge off for the run it is not compared (its stamp is the edge's), rather than reported drifted.
        var drift = await cli.RunAsync("drift", good);
        Assert.True(drift.ExitCode == 0 && drift.All.Contains("No drift", StringComparison.Ordinal), drift.ToString());
        var driftOff = await new ProvisionCli(cli.Home, new Dictionary<string, string> { ["PROVISIONER_EDGE"] = "off" }).RunAsync("drift", good);
        Assert.True(driftOff.ExitCode == 0 && driftOff.All.Contains("behind the edge proxy, which is off for this run", StringComparison.Ordinal), driftOff.ToString());

        // From a folder without provisioner.yaml (no edge settings), the home's recorded edge still reaches the tenant.
        var elsewhere = new ProvisionCli(cli.Home, new Dictionary<string, string> { ["PROVISIONER_EDGE"] = "" });
        var statusElsewhere = await elsewhere.RunAsync("status", good);
        Assert.True(statusElsewhere.ExitCode == 0, statusElsewhere.ToString());
        Assert.Contains($"https://{good}.{Domain}:{_port}", statusElsewhere.Stdout, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_dir, "ca.pem"), (await elsewhere.RunAsync("edge", "ca")).Stdout.Trim());
        var off = await new ProvisionCli(cli.Home, new Dictionary<string, string> { ["PROVISIONER_EDGE"] = "off" }).RunAsync("edge", "ca");
        Assert.True(off.ExitCode == 2 && off.Stderr.Contains("the edge proxy is turned off for this run (PROVISIONER_EDGE=off", StringComparison.Ordinal), off.ToString());

        // `edge remove` refuses while a tenant is behind the edge, removes it all once none is, and is a no-op after.
        var refusedRemove = await cli.RunAsync("edge", "remove");
        Assert.True(refusedRemove.ExitCode == 1 && refusedRemove.Stderr.Contains($"still serves 1 tenant(s): {good}", StringComparison.Ordinal), refusedRemove.ToString());
        Assert.Equal(0, (await Shell.RunAsync("docker", "inspect", _edge)).ExitCode);

        Assert.Equal(0, (await cli.RunAsync("destroy", good, "--yes", "--delete-data")).ExitCode);
        var removed = await cli.RunAsync("edge", "remove");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains($"Removed the edge proxy {_edge}", removed.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, (await Shell.RunAsync("docker", "inspect", _edge)).ExitCode);
        Assert.Equal(1, (await Shell.RunAsync("docker", "network", "inspect", _edge)).ExitCode);
        Assert.Equal(1, (await Shell.RunAsync("docker", "volume", "inspect", $"{_edge}-data")).ExitCode);
        Assert.Contains("nothing to remove", (await cli.RunAsync("edge", "remove")).Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Home, "edge", "settings.json")), "edge remove forgets the recorded edge");
    }

    /// <summary>A root, a wildcard certificate for the domain it signs, and one for another domain (EC P-256, two days).</summary>
    private string Certificates => $$"""
        set -e; cd '{{_dir}}'
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=operator test root'
        for pair in edge:{{Domain}} other:other.test; do
            name=${pair%%:*}; domain=${pair#*:}
            openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout $name.key -out $name.csr -subj "/CN=*.$domain"
            printf 'subjectAltName=DNS:*.%s\n' "$domain" > $name.ext
            openssl x509 -req -in $name.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $name.pem -days 2 -extfile $name.ext
        done
        """;

    private void Config(string certificate, string key) => File.WriteAllText(
        Path.Combine(_dir, "provisioner.yaml"),
        $"edge:\n  domain: {Domain}\n  certificate: {certificate}\n  key: {key}\n  ca: ca.pem\n");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The edge goes first (a tenant network it is attached to cannot be removed); the fixture removes the tenants.</summary>
    public async Task DisposeAsync()
    {
        await Shell.RunAsync("docker", "rm", "-f", _edge, $"{_edge}-lock");
        await Shell.RunAsync("docker", "network", "rm", _edge);
        await Shell.RunAsync("docker", "volume", "rm", "-f", $"{_edge}-data");
        Directory.Delete(_dir, recursive: true);
    }
}
