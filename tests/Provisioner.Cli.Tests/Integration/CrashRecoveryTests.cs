using System.Diagnostics;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CrashRecoveryTests(EngineFixture engine)
{
    [Theory]
    [InlineData("db", "kill9-db")]         // killed once the database container exists
    [InlineData("migrate", "kill9-mig")]   // killed while the migration job runs
    public async Task KillDuringProvision_Rerun_ConvergesWithNoOrphans(string killWhenExists, string role)
    {
        var cli = engine.Cli();
        var name = engine.Tenant(role);

        using (var process = cli.Start("tenant", name, "--size", "medium"))
        {
            await WaitUntilAsync(async () => (await engine.ResourcesOf(name)).Containers.Contains($"t-{name}-{killWhenExists}") || process.HasExited);
            Assert.False(process.HasExited, "provision finished before it could be killed");
            process.Kill(entireProcessTree: true); // SIGKILL
            await process.WaitForExitAsync();
        }

        var rerun = await cli.RunAsync("tenant", name, "--size", "medium");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("is Active", rerun.Stdout);
        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        Assert.Equal([$"t-{name}-app", $"t-{name}-db", $"t-{name}-migrate"], containers);
        Assert.Equal([$"t-{name}-edge", $"t-{name}-internal"], networks);
        Assert.Equal([$"t-{name}-db-data"], volumes);
        var status = await cli.RunAsync("status", name, "--json");
        Assert.Contains("\"interrupted\"", status.Stdout);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    [Fact]
    public async Task SecondProvisionWhileOneRuns_Exits3AndNamesTheHolder()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("lock");
        using var first = cli.Start("tenant", name, "--size", "medium");
        var holder = Path.Combine(cli.Home, "locks", $"tenant-{name}.holder");
        await WaitUntilAsync(() => Task.FromResult(File.Exists(holder) || first.HasExited));

        var second = await cli.RunAsync("tenant", name);

        Assert.True(second.ExitCode == 3, second.ToString());
        Assert.Contains($"tenant {name} is locked by provision (pid {first.Id}", second.Stderr);
        await first.WaitForExitAsync();
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, (await cli.RunAsync("destroy", name, "--yes", "--delete-data")).ExitCode);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "condition not met within 2 minutes");
            await Task.Delay(50);
        }
    }
}
