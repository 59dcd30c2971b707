using System.Globalization;
using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// The soak: provision/destroy cycles of one tenant, each run killed with SIGKILL at a random moment or not (from a
/// seed), a killed run followed by the same command again. After every cycle nothing of the tenant is left on the engine
/// and no lock is held; the peak memory and open file descriptors of each provision that ran to its end are kept, and
/// the last quarter's must not have grown over the first's. <c>make soak</c>: 200 cycles (<c>PROVISIONER_SOAK_CYCLES</c>),
/// about a third of the runs killed, stopping by itself after 75 minutes; <c>make test</c>: 4 cycles with 4 kills.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SoakTests(EngineFixture engine, ITestOutputHelper output)
{
    private const int KilledExit = 137;

    private static readonly int Cycles = KillMatrixMode.Full
        ? int.TryParse(Environment.GetEnvironmentVariable("PROVISIONER_SOAK_CYCLES"), out var n) && n > 0 ? n : 200
        : 4;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(KillMatrixMode.Full ? 75 : 6); // stops by itself; not a timing assertion

    [Fact]
    public async Task ProvisionDestroyCycles_RandomKills_NothingLeftAndNoGrowth()
    {
        var cli = engine.Cli();
        var name = engine.Tenant("soak");
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("PROVISIONER_SOAK_SEED"), out var seed) ? seed : 17);
        var started = DateTime.UtcNow;
        var cycles = new List<SoakCycle>();
        try
        {
            for (var i = 1; i <= Cycles && DateTime.UtcNow - started < Bound; i++)
            {
                // make test: cycle 1 kills the provision, 2 the destroy, 3 both, 4 neither; make soak: each run a third of the time.
                var killProvision = KillMatrixMode.Full ? random.NextDouble() < 0.35 : i is 1 or 3;
                var killDestroy = KillMatrixMode.Full ? random.NextDouble() < 0.3 : i is 2 or 3;
                var (provisionKilled, provision) = await RunAsync(cli, killProvision ? random.Next(300, 7000) : null, "tenant", name);
                var (destroyKilled, destroy) = await RunAsync(cli, killDestroy ? random.Next(300, 1500) : null, "destroy", name, "--yes", "--delete-data");
                var (containers, networks, volumes) = await engine.ResourcesOf(name);
                Assert.True(containers.Count + networks.Count + volumes.Count == 0, $"cycle {i}: left on the engine: {string.Join(", ", containers.Concat(networks).Concat(volumes))}");
                StateFolderChecks.NoLockHeld(cli.Home);
                cycles.Add(new SoakCycle(i, provisionKilled, destroyKilled, provision, destroy));
            }
        }
        finally
        {
            Report(cycles, DateTime.UtcNow - started);
            await cli.RunAsync("destroy", name, "--yes", "--delete-data");
        }

        Assert.NotEmpty(cycles);
        if (cycles.Count >= 20)
        {
            var (first, last) = Quarters(cycles);
            Assert.True(Median(last, p => p.RssKiB) <= (Median(first, p => p.RssKiB) * 1.15) + (8 * 1024), "the CLI's peak memory grew: " + Trend(cycles));
            Assert.True(Median(last, p => p.Handles) <= Median(first, p => p.Handles) + 8, "the CLI's open file descriptors grew: " + Trend(cycles));
        }
    }

    /// <summary>
    /// Runs the command, killed after <paramref name="killAfterMs"/> when given and still running; a killed run is followed
    /// by the same command, which must succeed. The peak is that of the run that finished the work.
    /// </summary>
    private static async Task<(bool Killed, ProcessPeak Peak)> RunAsync(ProvisionCli cli, int? killAfterMs, params string[] args)
    {
        using var process = cli.Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var peak = ProcessPeak.WhileRunningAsync(process);
        if (killAfterMs is { } delay)
        {
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(delay));
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL
            }
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // a guard against a hang
        await process.WaitForExitAsync(bound.Token);
        var run = new CliResult(process.ExitCode, await stdout, await stderr);
        if (run.ExitCode == KilledExit)
        {
            var rerun = await cli.RunAsync(args);
            Assert.True(rerun.ExitCode == 0, $"{args[0]} after a kill at {killAfterMs} ms: {rerun}");
            return (true, await peak); // the killed run's peak: the rerun is sampled in the next cycle's runs
        }

        Assert.True(run.ExitCode == 0, $"{args[0]}: {run}");
        return (false, await peak);
    }

    private void Report(List<SoakCycle> cycles, TimeSpan took)
    {
        var lines = new List<string>
        {
            $"soak: {cycles.Count} cycles ({(KillMatrixMode.Full ? "make soak" : "make test")}) in {took.TotalMinutes:F1} min, " +
            $"{cycles.Sum(c => c.Kills)} kills ({cycles.Count(c => c.ProvisionKilled)} provision, {cycles.Count(c => c.DestroyKilled)} destroy), " +
            $"left on the engine after each cycle: nothing (checked), locks held: none",
            Trend(cycles),
        };
        lines.AddRange(cycles.Select(c => c.ToString()));
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        var folder = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".build", "faults")).FullName;
        File.WriteAllLines(Path.Combine(folder, "soak.txt"), lines);
    }

    /// <summary>The median peak memory and file descriptors of the first and last quarter's provisions that ran to their end.</summary>
    private static string Trend(List<SoakCycle> cycles)
    {
        var (first, last) = Quarters(cycles);
        return first.Count == 0 || last.Count == 0
            ? "trend: too few unkilled provisions to compare"
            : string.Create(CultureInfo.InvariantCulture, $"trend (median of the unkilled provisions, first quarter -> last quarter): peak memory {Median(first, p => p.RssKiB) / 1024.0:F1} -> {Median(last, p => p.RssKiB) / 1024.0:F1} MiB, open fds {Median(first, p => p.Handles)} -> {Median(last, p => p.Handles)}");
    }

    private static (List<ProcessPeak> First, List<ProcessPeak> Last) Quarters(List<SoakCycle> cycles)
    {
        var quarter = Math.Max(1, cycles.Count / 4);
        List<ProcessPeak> Unkilled(IEnumerable<SoakCycle> part) => [.. part.Where(c => !c.ProvisionKilled && c.Provision is not null).Select(c => c.Provision!)];
        return (Unkilled(cycles.Take(quarter)), Unkilled(cycles.TakeLast(quarter)));
    }

    private static long Median(List<ProcessPeak> peaks, Func<ProcessPeak, long> of) =>
        peaks.Count == 0 ? 0 : peaks.Select(of).Order().ElementAt(peaks.Count / 2);
}
