using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// <c>provision tenant</c> and <c>provision destroy</c> killed (SIGKILL, through the test hook) at journaled step
/// boundaries, each followed by the same command again: the registry matches the engine, the notes written before
/// survive a destroy (data kept), no orphan, no partial backup, no lock held. <c>make test</c> kills a few boundaries
/// (the short variant); <c>make soak</c> every one.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KillProvisionDestroyTests(EngineFixture engine, ITestOutputHelper output)
{
    [Fact]
    public async Task Provision_KilledAtEachBoundary_RerunConverges()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-prov");
        var scenario = new KillScenario(
            "provision",
            ["tenant", name],
            async () => await cli.RunAsync("destroy", name, "--yes", "--delete-data"),
            0,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
                await FaultChecks.NotesResourcesAsync(engine, name);
                StateFolderChecks.CompleteBackupsOnly(cli.Home, name);
            });

        var rows = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count, count / 2, -2));

        KillMatrix.AssertAllGreen(rows);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    [Fact]
    public async Task Destroy_KilledAtEachBoundary_RerunConvergesAndDataKept()
    {
        // PROVISIONER_FAULT_AT alone (without PROVISIONER_TEST_HOOKS=1) must not kill anything: the set-up runs with it.
        var cli = engine.Cli(new Dictionary<string, string> { ["PROVISIONER_FAULT_AT"] = "1" });
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-dest");
        var kept = $"{name}-kept";
        var firstTime = true;
        var scenario = new KillScenario(
            "destroy",
            ["destroy", name, "--yes"],
            async () =>
            {
                var up = await cli.RunAsync("tenant", name);
                Assert.True(up.ExitCode == 0, up.ToString());
                if (!(await probe.NotesAsync(name)).Contains(kept))
                {
                    Assert.True(firstTime, "the notes written before the destroys are gone"); // written once, before the first destroy
                    firstTime = false;
                    await probe.WriteNoteAsync(name, kept);
                }
            },
            0,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, name, "Destroyed", "1.1.0");
                var (containers, networks, volumes) = await engine.ResourcesOf(name);
                Assert.Empty(containers);
                Assert.Empty(networks);
                Assert.Equal([$"t-{name}-db-data"], volumes);
            });

        var rows = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count, 2));

        KillMatrix.AssertAllGreen(rows);
        Assert.Equal(0, (await cli.RunAsync("tenant", name)).ExitCode);
        Assert.Contains(kept, await probe.NotesAsync(name));
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
