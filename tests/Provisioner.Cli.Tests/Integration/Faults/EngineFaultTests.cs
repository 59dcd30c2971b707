using Provisioner.Cli.Tests.Support;
using Provisioner.Cli.Tests.Support.FaultProxy;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>
/// A misbehaving engine: <c>provision tenant</c> and <c>provision destroy</c> talk to the engine through
/// <see cref="EngineFaultProxy"/>, which (from a seed) answers 10% of calls with 500, resets them, delays them or cuts their
/// answer off. Each run either succeeds or fails with one <c>Error:</c> line and exit 1; the same command rerun against
/// the engine directly converges (the stamp's resources, the registry says Active; after destroy nothing is left); the
/// engine client never sends a non-idempotent call again after a fault. <c>make test</c> runs two seeds, <c>make soak</c> 50.
/// </summary>
[Collection(SecondEngineCollection.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EngineFaultTests(EngineFixture engine, ITestOutputHelper output)
{
    /// <summary>The share of calls faulted: 10%, or <c>PROVISIONER_FAULT_SHARE</c> (to explore).</summary>
    private static readonly double Share = double.TryParse(Environment.GetEnvironmentVariable("PROVISIONER_FAULT_SHARE"), System.Globalization.CultureInfo.InvariantCulture, out var share) ? share : 0.10;

    public static TheoryData<int> Seeds() => [.. KillMatrixMode.Full ? Enumerable.Range(1, 50) : [7, 11]];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ProvisionAndDestroy_ThroughAFaultyEngine_CleanFailureOrSuccess_RerunConverges(int seed)
    {
        await using var proxy = new EngineFaultProxy(seed, Share);
        var faulty = engine.Cli(new Dictionary<string, string> { ["DOCKER_HOST"] = proxy.Address });
        var direct = new ProvisionCli(faulty.Home);
        var probe = new TenantProbe(engine, direct);
        var name = engine.Tenant($"fault{seed}");

        var provision = await BoundedAsync(faulty, proxy, "tenant", name);
        var provisionOutcome = Outcome(provision);
        var rerun = await direct.RunAsync("tenant", name);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        await FaultChecks.RecordAsync(probe, name, "Active", "1.1.0");
        await FaultChecks.NotesResourcesAsync(engine, name);

        var destroy = await BoundedAsync(faulty, proxy, "destroy", name, "--yes", "--delete-data");
        var destroyOutcome = Outcome(destroy);
        if (destroy.ExitCode != 0)
        {
            var again = await direct.RunAsync("destroy", name, "--yes", "--delete-data");
            Assert.True(again.ExitCode == 0, again.ToString());
        }

        var (containers, networks, volumes) = await engine.ResourcesOf(name);
        Assert.Empty(containers.Concat(networks).Concat(volumes));
        StateFolderChecks.NoLockHeld(faulty.Home);

        output.WriteLine($"seed {seed}: provision {provisionOutcome}; destroy {destroyOutcome}; reruns converged; proxy: {proxy.Stats}");
        Assert.True(proxy.Stats.RetriedNonIdempotent == 0, "sent again after a fault: " + string.Join("; ", proxy.Stats.Retried));
    }

    /// <summary>Runs provision through the proxy; a run still going after 4 minutes is killed and fails the test, naming the calls still open.</summary>
    private static async Task<CliResult> BoundedAsync(ProvisionCli cli, EngineFaultProxy proxy, params string[] args)
    {
        using var process = cli.Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(double.TryParse(Environment.GetEnvironmentVariable("PROVISIONER_FAULT_BOUND_MIN"), System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 4)); // a guard against a hang, not a timing assertion
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            var open = string.Join("; ", proxy.Open) + $" (at {DateTime.UtcNow:HH:mm:ss}); the last finished: " + string.Join("; ", proxy.Recent);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"provision {string.Join(' ', args)} hung; calls open at the proxy: {open}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>"ok", or the one error line of a clean failure (exit 1, one <c>Error:</c> line, not an unexpected one).</summary>
    private static string Outcome(CliResult run)
    {
        if (run.ExitCode == 0)
        {
            return "ok";
        }

        Assert.True(run.ExitCode == 1, run.ToString());
        var error = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("Error:", StringComparison.Ordinal));
        Assert.DoesNotContain("unexpected error", error, StringComparison.Ordinal);
        return $"failed cleanly: {error}";
    }
}
