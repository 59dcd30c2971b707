using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration.Products;

/// <summary>
/// The second product's upgrade: 1.0.0 -> 2.0.0 across three tenants (a migration and a new worker), then a version whose
/// worker crashes after the gate: the canary is rolled back with both data components restored (rows and files identical).
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TrackerUpgradeTests(EngineFixture engine)
{
    [Fact]
    public async Task ThreeTenantsUpgraded_ThenCrashingWorker_RolledBackWithDatabaseAndFilesIdentical()
    {
        using var templates = new FixtureTemplates();
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root, ["PROVISIONER_HEALTH_DEADLINE"] = "60s" });
        var probe = new TenantProbe(engine, cli);
        var tenants = new[] { engine.Tenant("trk-a"), engine.Tenant("trk-b"), engine.Tenant("trk-c") };
        var items = new Dictionary<string, long>();
        foreach (var name in tenants)
        {
            var created = await cli.RunAsync("tenant", name, "--template", "tracker@1.0.0");
            Assert.True(created.ExitCode == 0, created.ToString());
            items[name] = await probe.FileItemAsync(name, $"{name} kept", $"attachment of {name}");
        }

        var upgrade = await cli.RunAsync("upgrade", "--tenants", string.Join(',', tenants), "--to", "tracker@2.0.0", "--wave-size", "2");
        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        foreach (var name in tenants)
        {
            Assert.Equal("2.0.0", (await probe.RecordAsync(name)).GetProperty("version").GetString());
            Assert.Equal($"attachment of {name}", await probe.AttachmentAsync(name, items[name]));
            Assert.Equal("1", (await probe.PsqlAsync(name, "tracker", $"select count(*) from items where title = '{name} kept'")).Trim());
        }

        var canary = tenants[0];
        var rows = await probe.ChecksumAsync(canary, "tracker");
        var files = await probe.FilesChecksumAsync(canary, "web", "/srv/uploads");
        var others = tenants.Skip(1).ToDictionary(n => n, n => probe.ContainerIdAsync($"t-{n}-worker"));

        var crash = await cli.RunAsync("upgrade", canary, "--to", "2.1.0-worker-crash", "--monitor", "25");

        Assert.True(crash.ExitCode != 0, crash.ToString());
        var record = await probe.RecordAsync(canary);
        Assert.Equal(("2.0.0", "RolledBack"), (record.GetProperty("version").GetString(), record.GetProperty("status").GetString()));
        Assert.Contains("worker", record.GetProperty("lastError").GetString());
        Assert.Equal(rows, await probe.ChecksumAsync(canary, "tracker"));
        Assert.Equal(files, await probe.FilesChecksumAsync(canary, "web", "/srv/uploads"));
        Assert.Equal($"attachment of {canary}", await probe.AttachmentAsync(canary, items[canary]));
        var status = await cli.RunAsync("status", canary);
        Assert.True(status.ExitCode == 0, $"canary not healthy after the rollback: {status}");
        foreach (var (name, id) in others)
        {
            Assert.Equal(await id, await probe.ContainerIdAsync($"t-{name}-worker"));
        }

        foreach (var name in tenants)
        {
            Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        }
    }
}
