using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Provisioner.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Provisioner.Cli.Tests.Integration;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CapacityFillTests(EngineFixture engine, ITestOutputHelper output)
{
    [Fact]
    public async Task ProvisionSmallUntilRefused_CreatesWhatCapacityPredicted()
    {
        // Only this test's tenants count (scope registry), so others using the engine meanwhile cannot change the count. The
        // CPU overcommit (and on a machine with many CPUs the reserve) is chosen from the engine's real CPUs so that about five
        // small tenants fit by CPU; memory may bind first on a small machine. Disks are 100 MiB (SmallDisks), so the free disk
        // of the machine does not decide. The expected count and binding resource are worked out from docker info.
        var host = await EngineHost.ReadAsync();
        var (cpu, memory, disk) = CapacityEnv.Small;
        var (overcommit, reserve) = AboutFiveSmall(host.Cpus, cpu);
        var expected = host.Fit(cpu, memory, disk, reserve, overcommit);
        Assert.True(expected.Count >= 1 && expected.Binding != Core.Capacity.ResourceKind.Disk, $"{host} fits {expected.Count} small ({expected.Binding} binds)");
        using var templates = CapacityEnv.SmallDisks();
        var cli = engine.Cli(CapacityEnv.Real(overcommit, reserve.ToString(CultureInfo.InvariantCulture), templates.Root));
        var before = await cli.RunAsync("capacity", "--json");
        Assert.True(before.ExitCode == 0, before.ToString());
        var (predicted, binding) = Fits(before.Stdout, "small");
        Assert.Equal((expected.Count, expected.BindingText), (predicted, binding));

        var created = new List<string>();
        var clock = Stopwatch.StartNew();
        CliResult? refusal = null;
        try
        {
            for (var i = 0; i <= predicted + 2 && clock.Elapsed < TimeSpan.FromMinutes(8); i++)
            {
                var name = engine.Tenant($"fill{i}");
                var run = await ProvisionAsync(cli, name);
                if (run.ExitCode == 4)
                {
                    refusal = run;
                    var (containers, networks, volumes) = await engine.ResourcesOf(name);
                    Assert.Empty(containers.Concat(networks).Concat(volumes));
                    break;
                }

                // A tenant that was created but failed its gate still holds its room; count it, but say so.
                Assert.True(run.ExitCode is 0 or 5, run.ToString());
                created.Add(name);
            }

            var summary = $"predicted {predicted} more small tenants; provision created {created.Count} before refusing ({clock.Elapsed.TotalSeconds:0} s)";
            output.WriteLine(summary);
            await File.WriteAllTextAsync(Path.Combine(Chromium.ResultsDir, "fill.txt"), summary + "\n");
            Assert.NotNull(refusal);
            Assert.Contains($"does not fit: {binding} binds", refusal.Stderr);
            Assert.Equal(predicted, created.Count);

            var after = await cli.RunAsync("capacity", "--json", "--no-usage");
            Assert.Equal(0, Fits(after.Stdout, "small").Count);

            // --force overrides the refusal.
            var extra = engine.Tenant("fillforce");
            created.Add(extra);
            var forced = await ProvisionAsync(cli, extra, "--force");
            Assert.True(forced.ExitCode == 0, forced.ToString());
            Assert.Contains("--force given, provisioning anyway", forced.Stderr);
        }
        finally
        {
            foreach (var name in created)
            {
                await cli.RunAsync("destroy", name, "--yes", "--delete-data");
            }
        }
    }

    /// <summary>
    /// A CPU overcommit (from 0.1) and reserve (10%, more when the overcommit cannot go lower) that leave room for five and a
    /// half small tenants' CPU requests (<paramref name="smallCpu"/> each): five, with half of one to spare so that rounding
    /// cannot make it four.
    /// </summary>
    private static (double Overcommit, double Reserve) AboutFiveSmall(int cpus, double smallCpu)
    {
        var target = 5.5 * smallCpu;
        var overcommit = Math.Round(target / (cpus * 0.9), 3);
        return overcommit >= 0.1 ? (overcommit, 0.1) : (0.1, Math.Round(1 - (target / (cpus * 0.1)), 3));
    }

    /// <summary>
    /// Provisions a small tenant. Other suites on this machine publish ports too, so an entry port can be taken between its
    /// allocation and the app's start; the documented remedy is to rerun, which is done here (twice at most).
    /// </summary>
    private static async Task<CliResult> ProvisionAsync(ProvisionCli cli, string name, params string[] extra)
    {
        CliResult run = null!;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            run = await cli.RunAsync(["tenant", name, "--size", "small", .. extra]);
            if (!(run.ExitCode == 1 && run.Stderr.Contains("entry port was taken", StringComparison.Ordinal)))
            {
                break;
            }
        }

        return run;
    }

    /// <summary>How many more of <paramref name="size"/> the report says fit, and the resource it says binds, as the CLI names it.</summary>
    private static (int Count, string Binding) Fits(string json, string size)
    {
        var fit = JsonDocument.Parse(json).RootElement.GetProperty("fleet").GetProperty("fits").EnumerateArray()
            .First(f => f.GetProperty("size").GetString() == size);
        var binding = fit.GetProperty("binding").GetString() switch { "cpu" => "CPU", var other => other ?? "?" };
        return (fit.GetProperty("count").GetInt32(), binding);
    }
}
