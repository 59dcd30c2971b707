using System.Text.Json;
using System.Xml.Linq;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Upgrades;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FleetUpgradeTests(EngineFixture engine)
{
    [Fact]
    public async Task UpgradeAll_FourTenantsParallel2_AllOn110WithEveryNoteKept()
    {
        using var templates = new FixtureTemplates();
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root });
        var probe = new TenantProbe(engine, cli);
        var names = Enumerable.Range(1, 4).Select(i => engine.Tenant($"fleet{i}")).ToList();
        foreach (var name in names)
        {
            var created = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
            Assert.True(created.ExitCode == 0, created.ToString());
            await probe.WriteNoteAsync(name, $"{name}-before-1");
            await probe.WriteNoteAsync(name, $"{name}-before-2");
        }

        // A pinned tenant is left out of --all (shown in the dry run), and back in once unpinned.
        Assert.Equal(0, (await cli.RunAsync("pin", names[^1], "1.0.0")).ExitCode);
        var dryRun = await cli.RunAsync("upgrade", "--all", "--to", "1.1.0", "--parallel", "2", "--dry-run", "--json");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        var plan = JsonDocument.Parse(dryRun.Stdout).RootElement;
        Assert.Equal(3, plan.GetProperty("waves").EnumerateArray().Sum(w => w.GetProperty("tenants").GetArrayLength()));
        Assert.Contains("pinned to 1.0.0", plan.GetProperty("excluded")[0].GetProperty("reason").GetString());
        // 1.1.0's migration is compatible with 1.0.0 and no edge is on: each is expected to be migrated while it serves, then swapped.
        Assert.All(plan.GetProperty("waves").EnumerateArray().SelectMany(w => w.GetProperty("tenants").EnumerateArray()),
            t => Assert.Equal(Core.Upgrades.UpgradePaths.InPlace, t.GetProperty("path").GetString()));
        Assert.All(names, n => Assert.Equal("notes-app:1.0.0", probe.AppImageAsync(n).Result));
        Assert.Equal(0, (await cli.RunAsync("pin", names[^1], "--clear")).ExitCode);

        var junit = Path.Combine(cli.Home, "junit.xml");
        var json = Path.Combine(cli.Home, "report.json");
        var upgrade = await cli.RunAsync("upgrade", "--all", "--to", "1.1.0", "--parallel", "2", "--report", junit, "--report", json);

        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.Contains("== canary", upgrade.Stderr);
        foreach (var name in names)
        {
            var record = await probe.RecordAsync(name);
            Assert.Equal(("1.1.0", "Active"), (record.GetProperty("version").GetString(), record.GetProperty("status").GetString()));
            Assert.Equal("notes-app:1.1.0", await probe.AppImageAsync(name));
            var notes = await probe.NotesAsync(name);
            Assert.Contains($"{name}-before-1 body", notes);
            Assert.Contains($"{name}-before-2 body", notes);
        }

        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.Empty(XDocument.Load(junit).Descendants("failure"));
        Assert.True(JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("succeeded").GetBoolean());

        // notes 1.1.0's migration keeps 1.0.0 working: each tenant migrated while 1.0.0 served, and was down only from its
        // app's swap (no edge here: its port cannot move) to its gate: reported, never more than its whole upgrade.
        Assert.Contains("Downtime (customers not served: ", upgrade.Stdout);
        foreach (var tenant in JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("tenants").EnumerateArray())
        {
            Assert.Equal("quiet-in-place", tenant.GetProperty("path").GetString());
            var down = tenant.GetProperty("downtimeSeconds").GetDouble();
            Assert.True(down > 0 && down < tenant.GetProperty("durationSeconds").GetDouble(), tenant.ToString());
        }

        // Upgrading again is a no-op: every tenant is already current.
        var again = await cli.RunAsync("upgrade", "--all", "--to", "1.1.0");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Nothing to upgrade", again.Stdout);
        foreach (var name in names)
        {
            Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        }
    }
}
