using System.Text.Json;
using Provisioner.Cli.Tests.Support;

namespace Provisioner.Cli.Tests.Integration;

[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CapacityVerdictTests(EngineFixture engine)
{
    [Fact]
    public async Task CapacityForLarge_NoOvercommit_SaysNoNamingCpuAndExits4()
    {
        // 2 CPUs less the 10% reserve leave 1.8 CPUs to sell; large needs 2.
        var cli = engine.Cli(CapacityEnv.Real(overcommit: 1.0));

        var no = await cli.RunAsync("capacity", "--for", "large", "--customer", "Big Brand");

        Assert.True(no.ExitCode == 4, no.ToString());
        Assert.Contains("Verdict: NO: 1 large tenant for Big Brand", no.Stdout);
        Assert.Contains("CPU binds", no.Stdout);
        Assert.Contains("To make it a yes: add a host with at least", no.Stdout);
    }

    [Fact]
    public async Task CapacityForLarge_Overcommit2_SaysYesWithPlacementAndExits0()
    {
        // 2 CPUs x 2 x 90% = 3.6 CPUs for large's 2. Its disk is set to 1 GiB here, so that the free disk of the machine
        // running the tests (large asks 20 GiB) cannot decide the verdict; CPU and memory stay the real large's.
        using var templates = new TemplateVariant("large:  { cpu: 2,   memory: 2Gi,   disk: 20Gi }", "large:  { cpu: 2,   memory: 2Gi,   disk: 1Gi }");
        var cli = engine.Cli(new Dictionary<string, string>(CapacityEnv.Real(overcommit: 2.0)) { ["PROVISIONER_TEMPLATES"] = templates.Root });

        var yes = await cli.RunAsync("capacity", "--for", "large", "--json");

        Assert.True(yes.ExitCode == 0, yes.ToString());
        var verdict = JsonDocument.Parse(yes.Stdout).RootElement.GetProperty("verdict");
        Assert.True(verdict.GetProperty("fits").GetBoolean());
        Assert.Equal("local", verdict.GetProperty("placements")[0].GetProperty("host").GetString());
        Assert.StartsWith("1 large tenant (notes@1.1.0) fits: 1 on local", verdict.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CapacityForMedium_ReserveLeavesNoMemory_NamesMemoryAndExits4()
    {
        // A 99% reserve leaves about 240 MiB of memory: memory binds before CPU (overcommit 1000).
        var cli = engine.Cli(CapacityEnv.Real(overcommit: 1000, reserve: "99%"));

        var no = await cli.RunAsync("capacity", "--for", "medium", "--json", "--no-usage");

        Assert.True(no.ExitCode == 4, no.ToString());
        var verdict = JsonDocument.Parse(no.Stdout).RootElement.GetProperty("verdict");
        Assert.Equal("memory", verdict.GetProperty("binding").GetString());
        Assert.Contains("memory binds", verdict.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Capacity_UnknownSize_IsBadInput()
    {
        var result = await engine.Cli().RunAsync("capacity", "--for", "huge");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no size 'huge'", result.Stderr);
    }

    [Fact]
    public async Task Capacity_CountWithoutFor_IsBadInput()
    {
        var result = await engine.Cli().RunAsync("capacity", "--count", "3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no --for SIZE was given", result.Stderr);
    }
}
