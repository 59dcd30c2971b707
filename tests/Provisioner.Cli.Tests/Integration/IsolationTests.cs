using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IsolationTests(EngineFixture engine)
{
    [Fact]
    public async Task TwoTenants_CannotReachEachOther_AndNoDatabaseIsPublished()
    {
        var cli = engine.Cli();
        var a = engine.Tenant("iso-a");
        var b = engine.Tenant("iso-b");
        foreach (var t in new[] { a, b })
        {
            var r = await cli.RunAsync("tenant", t, "--size", "medium");
            Assert.True(r.ExitCode == 0, r.ToString());
        }

        var bDb = await IpOf($"t-{b}-db");
        var bApp = await IpOf($"t-{b}-app");
        var aDb = await IpOf($"t-{a}-db");

        // Positive control: A's app reaches A's own database, by name and by address.
        Assert.True(await CanConnect($"t-{a}-app", "db", 5432), "A's app must reach its own database");
        Assert.True(await CanConnect($"t-{a}-app", aDb, 5432), "A's app must reach its own database by IP");

        // A cannot open a TCP connection to B's database or app, on any of their addresses.
        foreach (var ip in bDb.Concat(bApp))
        {
            Assert.False(await CanConnect($"t-{a}-app", [ip], 5432), $"A reached B's {ip}:5432");
            Assert.False(await CanConnect($"t-{a}-app", [ip], 8080), $"A reached B's {ip}:8080");
        }

        // And the other way round, from B's database (which sits on an internal network only).
        foreach (var ip in await IpOf($"t-{a}-app"))
        {
            Assert.False(await CanConnect($"t-{b}-db", [ip], 8080), $"B's db reached A's app at {ip}");
        }

        // No database publishes a port; apps publish on loopback only.
        foreach (var t in new[] { a, b })
        {
            var dbPorts = await Shell.RunAsync("docker", "inspect", "--format", "{{json .NetworkSettings.Ports}} {{json .HostConfig.PortBindings}}", $"t-{t}-db");
            Assert.Matches(@"^\{\} (null|\{\})$", dbPorts.Stdout.Trim());
            var appPorts = await Shell.RunAsync("docker", "inspect", "--format", "{{range $p, $b := .HostConfig.PortBindings}}{{range $b}}{{.HostIp}}{{end}}{{end}}", $"t-{t}-app");
            Assert.Equal("127.0.0.1", appPorts.Stdout.Trim());
        }
    }

    private static async Task<IReadOnlyList<string>> IpOf(string container)
    {
        var r = await Shell.RunAsync("docker", "inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container);
        Assert.Equal(0, r.ExitCode);
        return r.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static Task<bool> CanConnect(string from, string host, int port) => CanConnect(from, [host], port);

    private static async Task<bool> CanConnect(string from, IReadOnlyList<string> hosts, int port)
    {
        foreach (var host in hosts)
        {
            var r = await Shell.RunAsync("docker", "exec", from, "timeout", "3", "bash", "-c", $"exec 3<>/dev/tcp/{host}/{port}");
            if (r.ExitCode == 0)
            {
                return true;
            }
        }

        return false;
    }
}
