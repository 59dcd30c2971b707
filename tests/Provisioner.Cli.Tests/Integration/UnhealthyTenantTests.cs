using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UnhealthyTenantTests(EngineFixture engine)
{
    [Fact]
    public async Task FailingCheck_TenantFailed_Exit5_WithCheckOutputAndAppLogs()
    {
        // The same product, but its readiness check asks for a path the app does not serve.
        using var templates = new TemplateVariant("path: /readyz", "path: /not-ready");
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root, ["PROVISIONER_HEALTH_DEADLINE"] = "20s" });
        var name = engine.Tenant("sick");

        var r = await cli.RunAsync("tenant", name, "--size", "medium");

        Assert.True(r.ExitCode == 5, r.ToString());
        Assert.Contains($"Error: tenant {name} is not healthy: app:http /not-ready: expected 200; got HTTP 404", r.Stderr);
        Assert.Contains("Last log lines of the app:", r.Stdout);
        Assert.Contains("listening on http://0.0.0.0:8080", r.Stdout);
        var listed = JsonDocument.Parse((await cli.RunAsync("list", "--json")).Stdout).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        Assert.Equal("Failed", listed.GetProperty("status").GetString());
        Assert.Contains("/not-ready", listed.GetProperty("lastError").GetString());

        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
