using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Lifecycle;

/// <summary>
/// A demo tenant with <c>--ttl 4h</c>: list shows the time left and --json the expiry; a rerun keeps it; <c>expire</c> before
/// it (the real clock) removes nothing; at a clock 5 hours on (PROVISIONER_TEST_NOW) it removes the tenant with its data.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExpireTests(EngineFixture engine)
{
    [Fact]
    public async Task TenantWithTtl_ListShowsTimeLeft_ExpireRemovesItOnlyOnceExpired()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("demo-ttl");
        var created = await cli.RunAsync("tenant", name, "--ttl", "4h");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("expires at", created.Stdout);

        var list = await cli.RunAsync("list");
        Assert.Matches(@"3h 5\dm left", list.Stdout);
        var expiresAt = Expiry(await cli.RunAsync("list", "--json"), name);
        var rerun = await cli.RunAsync("tenant", name);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(expiresAt, Expiry(await cli.RunAsync("list", "--json"), name));
        Assert.Equal(2, (await cli.RunAsync("tenant", name, "--expires", "2001-01-01T00:00Z")).ExitCode);

        var early = await cli.RunAsync("expire", "--json");

        Assert.True(early.ExitCode == 0, early.ToString());
        Assert.Equal(0, JsonDocument.Parse(early.Stdout).RootElement.GetProperty("tenants").GetArrayLength());
        Assert.NotEmpty((await engine.ResourcesOf(name)).Volumes);

        var later = new ProvisionCli(cli.Home, new Dictionary<string, string> { ["PROVISIONER_TEST_NOW"] = DateTimeOffset.UtcNow.AddHours(5).ToString("O") });
        var dry = await later.RunAsync("expire", "--dry-run", "--json");
        Assert.Equal("would-remove", JsonDocument.Parse(dry.Stdout).RootElement.GetProperty("tenants")[0].GetProperty("outcome").GetString());
        Assert.NotEmpty((await engine.ResourcesOf(name)).Volumes);

        var expire = await later.RunAsync("expire", "--json");

        Assert.True(expire.ExitCode == 0, expire.ToString());
        var removed = JsonDocument.Parse(expire.Stdout).RootElement.GetProperty("tenants");
        Assert.Equal(name, removed[0].GetProperty("tenant").GetString());
        Assert.Equal("removed", removed[0].GetProperty("outcome").GetString());
        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        Assert.Empty(containers);
        Assert.Empty(networks);
        Assert.Empty(volumes);
        Assert.DoesNotContain(name, (await cli.RunAsync("list")).Stdout);
    }

    private static string Expiry(CliResult list, string name) =>
        JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).GetProperty("expiresAt").GetString()!;
}
