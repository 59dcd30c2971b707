using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Edge;

/// <summary>
/// The edge proxy on the real engine: tenants answer only on their host names over TLS that chains to the exported CA,
/// no tenant container has a route to another tenant or out of its tenant (unless its template grants egress), a
/// tenant added and removed while a client loop runs against another costs it no request, and a recreated edge gets
/// every route back. The edge (container, network, volume) has a name of this run and is removed at the end.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EdgeProxyTests(EngineFixture engine) : IAsyncLifetime
{
    private const string Domain = TestEdge.Domain;
    private const string Egress = "    image: notes-app:1.1.0\n    egress: \"calls the test's listener on this machine\"\n";
    private readonly TestEdge _proxy = new(engine.RunId, "edge");
    private readonly TemplateVariant _withEgress = new("    image: notes-app:1.1.0\n", Egress);

    [Fact]
    public async Task TenantsBehindTheEdge_AnswerOnTheirNamesOnly_HaveNoWayOut_AndComeAndGoWithoutAFailedRequest()
    {
        var cli = engine.Cli(Environment());
        var egressCli = engine.Cli(new Dictionary<string, string>(Environment()) { ["PROVISIONER_TEMPLATES"] = _withEgress.Root });
        var (a, b, c) = (engine.Tenant("edge-a"), engine.Tenant("edge-b"), engine.Tenant("edge-c"));

        // Two tenants at once (b's template gives its app egress), each at its own https name; no app publishes a port.
        var provisions = await Task.WhenAll(cli.RunAsync("tenant", a), egressCli.RunAsync("tenant", b));
        Assert.All(provisions, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Contains($"at https://{a}.{Domain}:{_proxy.Port};", provisions[0].Stdout, StringComparison.Ordinal);
        var list = JsonDocument.Parse((await cli.RunAsync("list", "--json")).Stdout).RootElement;
        Assert.Equal($"https://{a}.{Domain}:{_proxy.Port}", list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == a).GetProperty("endpoint").GetString());
        foreach (var t in new[] { a, b })
        {
            var ports = await Shell.RunAsync("docker", "inspect", "--format", "{{json .HostConfig.PortBindings}}", $"t-{t}-app");
            Assert.Matches("^(null|\\{\\})$", ports.Stdout.Trim());
        }

        // TLS validated against the exported CA only; each name reaches its own tenant (a note written to a is not in b).
        var ca = await cli.RunAsync("edge", "ca");
        Assert.True(ca.ExitCode == 0, ca.ToString());
        using var http = EdgeClient.For(_proxy.Port, ca.Stdout.Trim());
        var note = $"only for {a}";
        var posted = await http.PostAsync(Url(a, "/api/notes"), new StringContent(JsonSerializer.Serialize(new { body = note }), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(posted.IsSuccessStatusCode, $"POST to {a}: HTTP {(int)posted.StatusCode}");
        Assert.Contains(note, await http.GetStringAsync(Url(a, "/api/notes")), StringComparison.Ordinal);
        Assert.DoesNotContain(note, await http.GetStringAsync(Url(b, "/api/notes")), StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Url($"nobody{engine.RunId}", "/readyz")));

        await AssertNoWayOutAsync(a, b);
        await AssertNoFailedRequestWhileAnotherComesAndGoesAsync(cli, http, a, c);

        // The edge container removed: `edge sync` recreates it with every route (rebuilt from the engine), same CA.
        Assert.Equal(0, (await Shell.RunAsync("docker", "rm", "-f", _proxy.Name)).ExitCode);
        var sync = await cli.RunAsync("edge", "sync");
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Contains("2 tenant route(s)", sync.Stdout, StringComparison.Ordinal);
        foreach (var t in new[] { a, b })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url(t, "/readyz"))).StatusCode);
        }
    }

    /// <summary>
    /// From a's app and database: no TCP to b's containers, nor to a listener of this test on the machine (reached at each
    /// network's gateway address, where the host answers). Positive control: b's app, whose template grants egress, reaches it.
    /// </summary>
    private async Task AssertNoWayOutAsync(string a, string b)
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var gateways = new List<string>();
        foreach (var network in new[] { _proxy.Name, $"t-{a}-internal", $"t-{a}-edge", $"t-{b}-egress" })
        {
            var r = await Shell.RunAsync("docker", "network", "inspect", "--format", "{{range .IPAM.Config}}{{.Gateway}} {{end}}", network);
            gateways.AddRange(r.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.NotEmpty(gateways);
        var (bApp, bDb) = (await IpOf($"t-{b}-app"), await IpOf($"t-{b}-db"));
        var probes = new List<(string From, string Host, int Port, string What)>();
        foreach (var from in new[] { $"t-{a}-app", $"t-{a}-db" })
        {
            probes.AddRange(gateways.Select(g => (from, g, port, $"the test's listener at {g}")));
            probes.AddRange(gateways.Select(g => (from, g, _proxy.Port, $"the edge's published port at {g}")));
            probes.AddRange(bApp.Select(ip => (from, ip, 8080, $"b's app at {ip}")));
            probes.AddRange(bDb.Select(ip => (from, ip, 5432, $"b's database at {ip}")));
        }

        // All at once (a refused or unanswered attempt waits for its timeout), with the positive control among them.
        var control = CanConnect($"t-{b}-app", gateways, port);
        var attempts = probes.Select(async p => (p, Reached: await CanConnect(p.From, [p.Host], p.Port))).ToList();
        Assert.True(await control, "b's app (egress granted) must reach the test's listener: the probe works");
        var reached = (await Task.WhenAll(attempts)).Where(r => r.Reached).Select(r => $"{r.p.From} reached {r.p.What}").ToList();
        Assert.True(reached.Count == 0, string.Join("; ", reached));
        Assert.True(probes.Count >= 8, $"only {probes.Count} probes");
    }

    /// <summary>A client loop on a (stops by itself when c is destroyed, or after 3 minutes) sees no failed request.</summary>
    private async Task AssertNoFailedRequestWhileAnotherComesAndGoesAsync(ProvisionCli cli, HttpClient http, string a, string c)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var (ok, failures) = (0, new List<string>());
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.GetAsync(Url(a, "/readyz"), CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ok++;
                    }
                    else
                    {
                        failures.Add($"HTTP {(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Add(e.Message);
                }

                await Task.Delay(20, CancellationToken.None);
            }
        });

        var watch = Stopwatch.StartNew();
        var provision = await cli.RunAsync("tenant", c);
        Assert.True(provision.ExitCode == 0, provision.ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url(c, "/readyz"))).StatusCode);
        var destroy = await cli.RunAsync("destroy", c, "--yes", "--delete-data");
        Assert.True(destroy.ExitCode == 0, destroy.ToString());
        await stop.CancelAsync();
        await loop;

        Assert.True(failures.Count == 0, $"{failures.Count} of {ok + failures.Count} requests to {a} failed while {c} was added and removed: {string.Join("; ", failures.Distinct().Take(3))}");
        Assert.True(ok > 10, $"only {ok} requests in {watch.Elapsed.TotalSeconds:0} s");
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Url(c, "/readyz")));
    }

    private Uri Url(string tenant, string path) => _proxy.Url(tenant, path);

    private Dictionary<string, string> Environment() => _proxy.Environment();

    private static async Task<IReadOnlyList<string>> IpOf(string container)
    {
        var r = await Shell.RunAsync("docker", "inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container);
        Assert.Equal(0, r.ExitCode);
        return r.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<bool> CanConnect(string from, IReadOnlyList<string> hosts, int port)
    {
        foreach (var host in hosts)
        {
            var r = await Shell.RunAsync("docker", "exec", from, "timeout", "2", "bash", "-c", $"exec 3<>/dev/tcp/{host}/{port}");
            if (r.ExitCode == 0)
            {
                return true;
            }
        }

        return false;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The edge goes first (a tenant network it is attached to cannot be removed); the fixture removes the tenants.</summary>
    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        _withEgress.Dispose();
    }
}
