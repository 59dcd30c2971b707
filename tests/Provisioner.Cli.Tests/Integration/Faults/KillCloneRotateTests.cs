using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// <c>provision clone</c> and <c>provision rotate</c> killed at every journaled step boundary (<c>make soak</c>; their
/// single kill points run in <c>make test</c> in CloneTests and SecretRotationTests): after the rerun the clone is a
/// whole tenant with SOURCE's rows (masked) and nothing staged left, SOURCE untouched; a rotation leaves the app and its
/// database agreeing on the password (every check passes) with the notes kept.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KillCloneRotateTests(EngineFixture engine, ITestOutputHelper output)
{
    private const string Ids = "select string_agg(id::text || ':' || coalesce(title, ''), ',' order by id) from notes";

    [SoakFact]
    public async Task Clone_KilledAtEachBoundary_RerunMakesAWholeCopy_SourceIntact()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var (source, copy) = (engine.Tenant("kill-clsrc"), engine.Tenant("kill-clnew"));
        Assert.Equal(0, (await cli.RunAsync("tenant", source)).ExitCode);
        await probe.WriteNoteAsync(source, $"{source}-kept");
        var before = await probe.ChecksumAsync(source);
        var rows = await probe.PsqlAsync(source, "notes", Ids);
        var scenario = new KillScenario(
            "clone",
            ["clone", source, copy],
            async () => await cli.RunAsync("destroy", copy, "--yes", "--delete-data"), // a clone makes NEW: none before each run
            0,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, copy, "Active", "1.1.0");
                await FaultChecks.NotesResourcesAsync(engine, copy);
                Assert.Equal(rows, await probe.PsqlAsync(copy, "notes", Ids));
                Assert.Equal("0", (await probe.PsqlAsync(copy, "notes", "select count(*) from notes where body <> 'masked note ' || id")).Trim());
                await FaultChecks.RecordAsync(probe, source, "Active", "1.1.0");
                Assert.Equal(before, await probe.ChecksumAsync(source));
                foreach (var tenant in new[] { source, copy })
                {
                    Assert.Equal("", (await probe.PsqlAsync(tenant, "postgres", "select datname from pg_database where datname like 'provision_%'")).Trim());
                }

                Assert.Empty(Directory.GetDirectories(cli.Home, "clone-from-*", SearchOption.AllDirectories));
            })
        {
            // Killed after the clone finished (its last boundary): NEW exists, and the rerun says it is that finished clone.
            AcceptedRerun = r => r.ExitCode == 2 && r.Stderr.Contains($"{copy} is already a finished clone of {source}", StringComparison.Ordinal),
        };

        var matrix = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

        KillMatrix.AssertAllGreen(matrix);
        Assert.Equal(0, (await cli.RunAsync("destroy", copy, "--yes", "--delete-data")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", source, "--yes", "--delete-data")).ExitCode);
    }

    [SoakFact]
    public async Task Rotate_KilledAtEachBoundary_RerunLeavesAppAndDatabaseAgreeing()
    {
        var cli = engine.Cli();
        var probe = new TenantProbe(engine, cli);
        var name = engine.Tenant("kill-rot");
        Assert.Equal(0, (await cli.RunAsync("tenant", name)).ExitCode);
        await probe.WriteNoteAsync(name, $"{name}-kept");
        var scenario = new KillScenario(
            "rotate",
            ["rotate", name],
            () => Task.CompletedTask,
            0,
            async () =>
            {
                await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
                await FaultChecks.NotesResourcesAsync(engine, name);
                var status = await cli.RunAsync("status", name);
                Assert.True(status.ExitCode == 0, status.ToString());
                Assert.Contains($"{name}-kept", await probe.NotesAsync(name));
            });

        var matrix = await ProvisionKillMatrix.Of(cli, output).RunAsync(scenario, count => KillMatrixMode.Select(count));

        KillMatrix.AssertAllGreen(matrix);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }
}
