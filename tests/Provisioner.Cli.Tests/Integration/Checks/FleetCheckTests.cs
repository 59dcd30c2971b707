using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Checks;

/// <summary>
/// <c>provision check --all</c> on the real engine: three notes tenants, one of them (notes@1.1.0-journey, a test copy of
/// notes@1.1.0) with every container running and its readiness green, but a journey that expects a body the app never
/// returns. Exit 5 naming that tenant and the failing step; the metrics file parsed by promtool; the status page rendered
/// in headless Chromium.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FleetCheckTests(EngineFixture engine) : IDisposable
{
    private readonly string _templates = JourneyTemplates();

    public void Dispose() => Directory.Delete(_templates, recursive: true);

    [Fact]
    public async Task CheckAll_JourneyBrokenWhileReady_Exit5NamingTheStep_MetricsParse_PageRenders()
    {
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = _templates });
        var (ok1, ok2, broken) = (engine.Tenant("chk-a"), engine.Tenant("chk-b"), engine.Tenant("chk-journey"));
        // The first run makes the home (its key) alone; the other two then provision side by side.
        var created = new List<CliResult> { await cli.RunAsync("tenant", ok1) };
        created.AddRange(await Task.WhenAll(cli.RunAsync("tenant", ok2), cli.RunAsync("tenant", broken, "--template", "notes@1.1.0-journey")));
        Assert.All(created, c => Assert.True(c.ExitCode == 0, c.ToString()));

        // After provisioning, the journey of notes@1.1.0-journey starts expecting what the app never says.
        var variant = Path.Combine(_templates, "notes", "1.1.0-journey", "template.yaml");
        await File.WriteAllTextAsync(variant, (await File.ReadAllTextAsync(variant)).Replace("$.body: \"probe ${random}\"", "$.body: \"what the app never says\""));
        var results = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".build", "test-results", "checks")).FullName;
        var (metrics, page, png) = (Path.Combine(results, "fleet.prom"), Path.Combine(results, "status.html"), Path.Combine(results, "status.png"));
        File.Delete(png);

        var check = await cli.RunAsync("check", "--all", "--watch", "1s", "--count", "2", "--metrics", metrics, "--html", page);

        Assert.True(check.ExitCode == 5, check.ToString());
        var row = check.Stdout.Split('\n').Last(l => l.Contains(broken, StringComparison.Ordinal));
        Assert.Contains("DOWN", row);
        Assert.Contains("app:journey notes-roundtrip: step 2 (GET /api/notes/", row);
        Assert.Contains("2/3", row);
        Assert.Contains("2 up, 1 down", check.Stdout);
        var one = await cli.RunAsync("check", ok1, "--json");
        Assert.True(one.ExitCode == 0, one.ToString());
        var json = JsonDocument.Parse(one.Stdout).RootElement.GetProperty("tenants")[0];
        Assert.Equal(("up", 3, 3), (json.GetProperty("state").GetString(), json.GetProperty("passed").GetInt32(), json.GetProperty("total").GetInt32()));

        // The metrics file, as the textfile collector reads it: parsed and linted by Prometheus' own promtool.
        var promtool = await Shell.RunAsync("sh", "-c", $"command -v promtool >/dev/null || {{ echo 'promtool is not installed: run make promtool'; exit 127; }}; promtool check metrics < '{metrics}'");
        Assert.True(promtool.ExitCode == 0, promtool.ToString());
        var text = await File.ReadAllTextAsync(metrics);
        Assert.EndsWith("# EOF\n", text);
        Assert.Contains($"provision_tenant_up{{tenant=\"{broken}\",product=\"notes\",version=\"1.1.0-journey\",size=\"small\",backend=\"docker\"}} 0\n", text);
        Assert.Contains($"provision_tenant_up{{tenant=\"{ok1}\",product=\"notes\",version=\"1.1.0\",size=\"small\",backend=\"docker\"}} 1\n", text);
        Assert.Contains($"provision_check_up{{tenant=\"{broken}\",check=\"app:journey notes-roundtrip\"}} 0\n", text);
        Assert.Contains($"provision_tenant_last_success_timestamp_seconds{{tenant=\"{ok2}\"}}", text);
        Assert.Empty(Directory.GetFiles(results, "*.tmp"));

        // The status page: self-contained, rendered by headless Chromium (screenshot kept), content read back from its DOM.
        var html = await File.ReadAllTextAsync(page);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
        var shot = await Chromium.ScreenshotAsync(page, png, 1200, 700);
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 10_000, $"no screenshot at {png}: {shot}");
        var dom = await Chromium.DumpDomAsync(page);
        Assert.True(dom.ExitCode == 0, dom.ToString());
        Assert.Contains("<div class=\"tile t-down\" id=\"count-down\"><b>1</b>down</div>", dom.Stdout);
        Assert.Contains("<div class=\"tile t-up\" id=\"count-up\"><b>2</b>up</div>", dom.Stdout);
        Assert.Contains($"data-tenant=\"{broken}\" data-state=\"down\"", dom.Stdout);
        Assert.Contains("expected $.body to be 'what the app never says'", dom.Stdout);
        Assert.Equal(2, CountOf(dom.Stdout, "<circle class=\"fail\""));
        Assert.Equal(4, CountOf(dom.Stdout, "<circle class=\"ok\""));
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    /// <summary>notes@1.1.0 as it is, and a copy of it as notes@1.1.0-journey (the same app), in a temporary templates folder.</summary>
    private static string JourneyTemplates()
    {
        var root = Directory.CreateTempSubdirectory("check-templates-").FullName;
        var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, "notes", "1.1.0", "template.yaml"));
        Assert.Contains("\nversion: 1.1.0\n", text);
        Directory.CreateDirectory(Path.Combine(root, "notes", "1.1.0"));
        Directory.CreateDirectory(Path.Combine(root, "notes", "1.1.0-journey"));
        File.WriteAllText(Path.Combine(root, "notes", "1.1.0", "template.yaml"), text);
        File.WriteAllText(Path.Combine(root, "notes", "1.1.0-journey", "template.yaml"), text.Replace("\nversion: 1.1.0\n", "\nversion: 1.1.0-journey\n"));
        return root;
    }
}
