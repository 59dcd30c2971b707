using Docker.DotNet.Models;
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

        // Still apart while the engine creates networks: Docker before 28 deletes and re-inserts its isolation jumps on each
        // network create, and without infra/engine/isolation-guard.sh a few of these connections get through (2-5 of 80
        // measured on Docker 20.10). Bounded: at most 200 networks created, 40 probes.
        var leaked = await ProbeWhileNetworksAreCreated($"t-{a}-app", [.. bDb.Select(ip => (ip, 5432)), .. bApp.Select(ip => (ip, 8080))], 40);
        Assert.True(leaked.Count == 0,
            $"A reached B while networks were being created ({leaked.Count} of 40: {string.Join(", ", leaked)}); on Docker before 28, "
            + "install the isolation guard as root: infra/engine/isolation-guard.sh (make engine does it for the engine it starts)");

        // The database itself only admits its own networks (pg_hba samenet), whatever the firewall lets through.
        Assert.Equal(["host all all samenet scram-sha-256"], await HostRulesOf($"t-{b}-db"));

        // No database publishes a port; apps publish on loopback only.
        foreach (var t in new[] { a, b })
        {
            var dbPorts = await Shell.RunAsync("docker", "inspect", "--format", "{{json .NetworkSettings.Ports}} {{json .HostConfig.PortBindings}}", $"t-{t}-db");
            Assert.Matches(@"^\{\} (null|\{\})$", dbPorts.Stdout.Trim());
            var appPorts = await Shell.RunAsync("docker", "inspect", "--format", "{{range $p, $b := .HostConfig.PortBindings}}{{range $b}}{{.HostIp}}{{end}}{{end}}", $"t-{t}-app");
            Assert.Equal("127.0.0.1", appPorts.Stdout.Trim());
        }
    }

    [Fact]
    public async Task ADatabaseInitialisedBeforeSamenet_IsNarrowedAtItsNextStart_AndTheTenantStaysHealthy()
    {
        var cli = engine.Cli();
        var t = engine.Tenant("iso-old");
        var r = await cli.RunAsync("tenant", t, "--size", "medium");
        Assert.True(r.ExitCode == 0, r.ToString());
        var db = $"t-{t}-db";

        // The rule an earlier image wrote ("from any address").
        var widen = await Shell.RunAsync("docker", "exec", "--user", "postgres", db, "sed", "-i", "s/^host all all samenet scram-sha-256$/host all all all scram-sha-256/", PgHba);
        Assert.True(widen.ExitCode == 0, widen.ToString());
        Assert.Equal(["host all all all scram-sha-256"], await HostRulesOf(db));

        // Stopped, then started again by a converging rerun (which delivers its secrets): the entrypoint narrows the rule.
        Assert.Equal(0, (await Shell.RunAsync("docker", "stop", db)).ExitCode);
        var rerun = await cli.RunAsync("tenant", t, "--size", "medium");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());

        Assert.Equal(["host all all samenet scram-sha-256"], await HostRulesOf(db));
        var check = await cli.RunAsync("check", t);
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    private const string PgHba = "/var/lib/postgresql/data/pgdata/pg_hba.conf";

    /// <summary>The database's pg_hba rules for TCP other than loopback (initdb's own 127.0.0.1 and ::1 rules left out).</summary>
    private static async Task<IReadOnlyList<string>> HostRulesOf(string db)
    {
        var r = await Shell.RunAsync("docker", "exec", "--user", "postgres", db, "cat", PgHba);
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.Stdout.Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("host", StringComparison.Ordinal) && !l.Contains("127.0.0.1/32", StringComparison.Ordinal) && !l.Contains("::1/128", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
    }

    /// <summary>Connection attempts from <paramref name="from"/> to each target in turn while networks are created and removed.</summary>
    private async Task<IReadOnlyList<string>> ProbeWhileNetworksAreCreated(string from, IReadOnlyList<(string Ip, int Port)> targets, int probes)
    {
        using var stop = new CancellationTokenSource();
        var owner = engine.Tenant("iso-churn"); // its label: the fixture removes what a failed loop leaves
        var labels = new Dictionary<string, string> { [Provisioner.Core.Stamps.StampLabels.Tenant] = owner };
        var churn = Task.Run(async () =>
        {
            for (var i = 0; i < 200 && !stop.IsCancellationRequested; i++)
            {
                var created = await engine.Docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = $"{owner}-{i}", Driver = "bridge", Labels = labels });
                await engine.Docker.Networks.DeleteNetworkAsync(created.ID);
            }
        });
        var leaked = new List<string>();
        try
        {
            for (var i = 0; i < probes; i++)
            {
                var (ip, port) = targets[i % targets.Count];
                var r = await Shell.RunAsync("docker", "exec", from, "timeout", "1", "bash", "-c", $"exec 3<>/dev/tcp/{ip}/{port}");
                if (r.ExitCode == 0)
                {
                    leaked.Add($"{ip}:{port}");
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await churn;
        }

        return leaked;
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
