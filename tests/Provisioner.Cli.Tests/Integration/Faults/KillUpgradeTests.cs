using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// <c>provision upgrade</c> killed at every journaled step boundary (<c>make soak</c>): forward (notes 1.0.0 → 1.1.0,
/// the rerun finishes it, the notes written before are there) and one that rolls back (1.2.0-migrate-fails: the rerun
/// rolls back again, the tenant ends on 1.0.0 with its database identical to before).
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KillUpgradeTests(EngineFixture engine, ITestOutputHelper output)
{
    [SoakFact]
    public async Task Upgrade_KilledAtEachBoundary_RerunFinishesTheUpgrade()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-upg");
        var kept = $"{name}-kept";
        var scenario = new KillScenario(
            "upgrade",
            ["upgrade", name, "--to", "1.1.0"],
            async () =>
            {
                await cli.RunAsync("destroy", name, "--yes", "--delete-data");
                var up = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
                Assert.True(up.ExitCode == 0, up.ToString());
                await probe.WriteNoteAsync(name, kept);
            },
            0,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
                Assert.Equal("notes-app:1.1.0", await probe.AppImageAsync(name));
                await FaultChecks.NotesResourcesAsync(engine, name);
                Assert.Contains(kept, await probe.NotesAsync(name));
                StateFolderChecks.CompleteBackupsOnly(cli.Home, name);
            });

        var rows = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

        KillMatrix.AssertAllGreen(rows);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    /// <summary>
    /// The quiet path behind the edge (migration while 1.0.0 serves, 1.1.0 started beside it, renamed in, the old one
    /// retired), killed at each boundary: the rerun finishes it, no -next or -old container is left, the note is kept
    /// and the edge serves 1.1.0.
    /// </summary>
    [SoakFact]
    public async Task QuietUpgradeBehindTheEdge_KilledAtEachBoundary_RerunFinishesIt()
    {
        await using var edge = new Edge.TestEdge(engine.RunId, "kedge");
        var cli = engine.Cli(edge.Environment());
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-quiet");
        var kept = $"{name}-kept";
        Task<HttpClient> HttpAsync() => edge.ClientAsync(cli);
        Uri Url(string path) => edge.Url(name, path);
        try
        {
            var scenario = new KillScenario(
                "quiet upgrade",
                ["upgrade", name, "--to", "1.1.0"],
                async () =>
                {
                    await cli.RunAsync("destroy", name, "--yes", "--delete-data");
                    var up = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
                    Assert.True(up.ExitCode == 0, up.ToString());
                    using var http = await HttpAsync();
                    using var note = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { body = kept }), System.Text.Encoding.UTF8, "application/json");
                    Assert.Equal(System.Net.HttpStatusCode.Created, (await http.PostAsync(Url("/api/notes"), note)).StatusCode);
                },
                0,
                async () =>
                {
                    await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
                    Assert.Equal("notes-app:1.1.0", await probe.AppImageAsync(name));
                    await FaultChecks.NotesResourcesAsync(engine, name);
                    StateFolderChecks.CompleteBackupsOnly(cli.Home, name);
                    using var http = await HttpAsync();
                    Assert.Contains(kept, await http.GetStringAsync(Url("/api/notes")), StringComparison.Ordinal);
                    Assert.Contains("\"version\":\"1.1.0\"", await http.GetStringAsync(Url("/readyz")), StringComparison.Ordinal);
                });

            var rows = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

            KillMatrix.AssertAllGreen(rows);
            Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
        }
        finally
        {
            await cli.RunAsync("destroy", name, "--yes", "--delete-data"); // before the edge goes (see TestEdge)
        }
    }

    [SoakFact]
    public async Task UpgradeThatRollsBack_KilledAtEachBoundary_RerunLeavesTheOldVersionAndData()
    {
        using var templates = new FixtureTemplates();
        // The default health deadline: this fixture fails in its migration, not by never becoming ready, and a fresh
        // tenant on a loaded machine can need more than RollbackTests' 45 s (seen with a load average of 40).
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_TEMPLATES"] = templates.Root });
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-rb");
        var up = await cli.RunAsync("tenant", name, "--template", "notes@1.0.0");
        Assert.True(up.ExitCode == 0, up.ToString());
        await probe.WriteNoteAsync(name, $"{name}-kept");
        var before = await probe.ChecksumAsync(name);
        var scenario = new KillScenario(
            "rollback",
            ["upgrade", name, "--to", "1.2.0-migrate-fails"],
            () => Task.CompletedTask,
            null,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, name, "RolledBack", "1.0.0"); // on its old version, saying why
                Assert.Equal("notes-app:1.0.0", await probe.AppImageAsync(name));
                await FaultChecks.NotesResourcesAsync(engine, name);
                Assert.Equal(before, await probe.ChecksumAsync(name));
                StateFolderChecks.CompleteBackupsOnly(cli.Home, name);
            });

        var rows = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

        KillMatrix.AssertAllGreen(rows);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
