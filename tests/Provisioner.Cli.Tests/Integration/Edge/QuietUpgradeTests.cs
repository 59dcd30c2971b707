using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;
using Provisioner.Core.Upgrades;

namespace Provisioner.Cli.Tests.Integration.Edge;

/// <summary>
/// Quiet upgrades behind the edge on the real engine: notes 1.1.0's migration is marked compatible with 1.0.0, so 1.0.0
/// keeps serving while 1.1.0 migrates and starts beside it, and the edge switches to it. A customer loop at 20 requests/s
/// (reads and writes) through the edge sees no failed request, and every note it wrote is there afterwards (nothing
/// restored). A broken next version (exits at start; its migration marked compatible) never takes the name: the
/// upgrade is rolled back without a restore, the running container untouched, and again no failed request.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class QuietUpgradeTests(EngineFixture engine) : IAsyncLifetime
{
    private const string Broken = "1.2.0-exit-quiet";
    private readonly TestEdge _edge = new(engine.RunId, "qedge");
    private readonly FixtureTemplates _templates = new();

    [Fact]
    public async Task CompatibleMigration_BehindTheEdge_NoFailedRequest_AndABrokenNextVersionNeverServes()
    {
        WriteBrokenQuietVersion();
        var cli = engine.Cli(Environment());
        var t = engine.Tenant("quiet");
        var created = await cli.RunAsync("tenant", t, "--template", "notes@1.0.0");
        Assert.True(created.ExitCode == 0, created.ToString());
        using var http = await _edge.ClientAsync(cli);
        var oldId = await IdAsync($"t-{t}-app");
        var dbId = await IdAsync($"t-{t}-db");

        var plan = await cli.RunAsync("upgrade", t, "--to", "1.1.0", "--dry-run", "--json");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal(UpgradePaths.Quiet, JsonDocument.Parse(plan.Stdout).RootElement.GetProperty("waves")[0].GetProperty("tenants")[0].GetProperty("path").GetString());

        var report = Path.Combine(cli.Home, "quiet.json");
        var (upgrade, written, failures, requests) = await UnderLoadAsync(http, t, () => cli.RunAsync("upgrade", t, "--to", "1.1.0", "--report", report));
        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed during the quiet upgrade: {string.Join("; ", failures.Distinct().Take(3))}");
        var tenant = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("tenants")[0];
        Assert.Equal(("upgraded", "quiet", 0.0), (tenant.GetProperty("outcome").GetString(), tenant.GetProperty("path").GetString(), tenant.GetProperty("downtimeSeconds").GetDouble()));
        Assert.Contains("\"version\":\"1.1.0\"", await http.GetStringAsync(Url(t, "/readyz")), StringComparison.Ordinal);
        var newId = await IdAsync($"t-{t}-app");
        Assert.NotEqual(oldId, newId);
        Assert.Equal("notes-app:1.1.0", (await Shell.RunAsync("docker", "inspect", "-f", "{{.Config.Image}}", $"t-{t}-app")).Stdout.Trim());
        Assert.Equal("", (await Shell.RunAsync("docker", "ps", "-a", "--format", "{{.Names}}", "--filter", $"name=^t-{t}-app-")).Stdout.Trim());
        // The database was not restarted (same image and settings in both versions), and nothing is left to converge.
        Assert.Equal(dbId, await IdAsync($"t-{t}-db"));
        Assert.Equal("true", (await Shell.RunAsync("docker", "inspect", "-f", "{{.State.Running}}", $"t-{t}-db")).Stdout.Trim());
        var dryRun = await cli.RunAsync("tenant", t, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.DoesNotContain("replace", dryRun.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("remove", dryRun.Stdout, StringComparison.Ordinal);
        var notes = await http.GetStringAsync(Url(t, "/api/notes"));
        Assert.All(written, body => Assert.Contains(body, notes, StringComparison.Ordinal));
        Assert.True(written.Count > 0, "the customer loop wrote nothing");

        // The broken version exits at start beside 1.1.0: it never takes the name; 1.1.0 keeps serving in the same container.
        var back = Path.Combine(cli.Home, "back.json");
        var (failed, _, failures2, requests2) = await UnderLoadAsync(http, t, () => cli.RunAsync("upgrade", t, "--to", Broken, "--report", back));
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.True(failures2.Count == 0, $"{failures2.Count} of {requests2} requests failed while {Broken} was tried: {string.Join("; ", failures2.Distinct().Take(3))}");
        var rolledBack = JsonDocument.Parse(File.ReadAllText(back)).RootElement.GetProperty("tenants")[0];
        Assert.Equal(("rolled-back", "quiet"), (rolledBack.GetProperty("outcome").GetString(), rolledBack.GetProperty("path").GetString()));
        Assert.Contains("before it was ready beside the running version", rolledBack.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(newId, await IdAsync($"t-{t}-app"));
        Assert.Equal("", (await Shell.RunAsync("docker", "ps", "-a", "--format", "{{.Names}}", "--filter", $"name=^t-{t}-app-")).Stdout.Trim());
        var record = await new TenantProbe(engine, cli).RecordAsync(t);
        Assert.Equal(("1.1.0", "RolledBack"), (record.GetProperty("version").GetString(), record.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url(t, "/readyz"))).StatusCode);
    }

    /// <summary>
    /// Runs <paramref name="action"/> while a customer reads the notes every 50 ms and writes one every fifth request;
    /// returns its result, the notes the edge accepted, the failed requests and how many were made.
    /// </summary>
    private async Task<(CliResult Result, List<string> Written, List<string> Failures, int Requests)> UnderLoadAsync(
        HttpClient http, string tenant, Func<Task<CliResult>> action)
    {
        var failures = new List<string>();
        var written = new List<string>();
        var requests = 0;
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            while (!stop.IsCancellationRequested && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                requests++;
                try
                {
                    if (requests % 5 == 0)
                    {
                        var body = $"written during the upgrade {requests} {Guid.NewGuid():N}";
                        using var content = new StringContent(JsonSerializer.Serialize(new { body }), Encoding.UTF8, "application/json");
                        using var posted = await http.PostAsync(Url(tenant, "/api/notes"), content);
                        if (posted.StatusCode == HttpStatusCode.Created)
                        {
                            written.Add(body);
                        }
                        else
                        {
                            failures.Add($"POST: HTTP {(int)posted.StatusCode}");
                        }
                    }
                    else
                    {
                        using var got = await http.GetAsync(Url(tenant, "/api/notes"));
                        if (got.StatusCode != HttpStatusCode.OK)
                        {
                            failures.Add($"GET: HTTP {(int)got.StatusCode}");
                        }
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Add(e.Message);
                }

                await Task.Delay(50, CancellationToken.None);
            }
        });
        var result = await action();
        await stop.CancelAsync();
        await loop;
        Assert.True(requests > 20, $"only {requests} requests were made");
        return (result, written, failures, requests);
    }

    /// <summary>notes@1.2.0-exit-quiet: the exit-at-start fixture with its migration marked compatible with 1.1.0.</summary>
    private void WriteBrokenQuietVersion()
    {
        var text = File.ReadAllText(Path.Combine(_templates.Root, "notes", "1.2.0-exit-at-start", "template.yaml"))
            .Replace("version: 1.2.0-exit-at-start", $"version: {Broken}", StringComparison.Ordinal)
            .Replace("phase: before }", "phase: before, compatibleWith: [1.1.0] }", StringComparison.Ordinal);
        Assert.Contains("compatibleWith: [1.1.0]", text, StringComparison.Ordinal);
        var folder = Directory.CreateDirectory(Path.Combine(_templates.Root, "notes", Broken)).FullName;
        File.WriteAllText(Path.Combine(folder, "template.yaml"), text);
    }

    [Fact]
    public async Task TenantWithItsOwnPort_EdgeTurnedOnLater_KeepsItsPort_AndIsUpgradedInPlace()
    {
        var cli = engine.Cli(Environment());
        var t = engine.Tenant("ownport");
        var created = await cli.With(new Dictionary<string, string> { ["PROVISIONER_EDGE"] = "off" }).RunAsync("tenant", t, "--template", "notes@1.0.0", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var endpoint = Endpoint(created);
        Assert.StartsWith("http://127.0.0.1:", endpoint, StringComparison.Ordinal);

        // The edge is on from here. The tenant keeps its own port: a rerun changes nothing, and its upgrade cannot switch
        // at an edge it is not behind, so it is swapped in place on that port.
        var rerun = await cli.RunAsync("tenant", t, "--json");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(endpoint, Endpoint(rerun));
        Assert.Equal(0, JsonDocument.Parse(rerun.Stdout).RootElement.GetProperty("changes").GetArrayLength());
        var plan = await cli.RunAsync("upgrade", t, "--to", "1.1.0", "--dry-run", "--json");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal(UpgradePaths.InPlace, JsonDocument.Parse(plan.Stdout).RootElement.GetProperty("waves")[0].GetProperty("tenants")[0].GetProperty("path").GetString());

        var report = Path.Combine(cli.Home, "own-port.json");
        var upgrade = await cli.RunAsync("upgrade", t, "--to", "1.1.0", "--report", report);
        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        var tenant = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("tenants")[0];
        Assert.Equal(("upgraded", UpgradePaths.InPlace), (tenant.GetProperty("outcome").GetString(), tenant.GetProperty("path").GetString()));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Contains("\"version\":\"1.1.0\"", await http.GetStringAsync($"{endpoint}/readyz"), StringComparison.Ordinal);
    }

    private static string Endpoint(CliResult result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("tenant").GetProperty("endpoint").GetString()!;

    private static async Task<string> IdAsync(string container) =>
        (await Shell.RunAsync("docker", "inspect", "-f", "{{.Id}}", container)).Stdout.Trim();

    private Uri Url(string tenant, string path) => _edge.Url(tenant, path);

    private Dictionary<string, string> Environment() => new(_edge.Environment()) { ["PROVISIONER_TEMPLATES"] = _templates.Root };

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The edge goes first; the fixture removes the tenants.</summary>
    public async Task DisposeAsync()
    {
        await _edge.DisposeAsync();
        _templates.Dispose();
    }
}
