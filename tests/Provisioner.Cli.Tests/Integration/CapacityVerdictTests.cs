using System.Text.Json;
using Provisioner.Cli.Tests.Support;
using Provisioner.Core.Capacity;

namespace Provisioner.Cli.Tests.Integration;

/// <summary>
/// Verdicts against the engine's real CPUs and memory: each test reads them (<see cref="EngineHost"/>), works out how many
/// tenants fit, and asks for exactly that many (YES) or one more (NO), so it holds on a 2-CPU laptop and on a 64-CPU server.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CapacityVerdictTests(EngineFixture engine)
{
    [Fact]
    public async Task CapacityForLarge_OneMoreThanTheEngineHolds_SaysNoNamingTheBindingResourceAndExits4()
    {
        var host = await EngineHost.ReadAsync();
        var (cpu, memory, disk) = CapacityEnv.Large;
        var expected = host.Fit(cpu, memory, disk, reserve: 0.10, overcommit: 1.0);
        Assert.True(expected.Binding != ResourceKind.Disk, $"the engine's disk is too full for this test ({host})");
        var count = expected.Count + 1;
        using var templates = CapacityEnv.SmallDisks();
        var cli = engine.Cli(CapacityEnv.Real(overcommit: 1.0, templates: templates.Root));

        var no = await cli.RunAsync("capacity", "--for", "large", "--count", count.ToString(), "--customer", "Big Brand");

        Assert.True(no.ExitCode == 4, $"{host} holds {expected.Count} large: {no}");
        Assert.Contains($"Verdict: NO: {count} large tenant{(count == 1 ? "" : "s")} for Big Brand", no.Stdout);
        Assert.Contains($"{expected.BindingText} binds", no.Stdout);
        var need = expected.Binding == ResourceKind.Cpu ? cpu : memory;
        Assert.Contains($"each needs {Units.Amount(expected.Binding, need)} and local has {Units.Amount(expected.Binding, expected.Left)} free", no.Stdout);
        Assert.Contains("To make it a yes: add a host with at least", no.Stdout);
    }

    [Fact]
    public async Task CapacityForLarge_Overcommit2AsManyAsTheEngineHolds_SaysYesWithPlacementAndExits0()
    {
        var host = await EngineHost.ReadAsync();
        var (cpu, memory, disk) = CapacityEnv.Large;
        var expected = host.Fit(cpu, memory, disk, reserve: 0.10, overcommit: 2.0);
        Assert.True(expected.Count >= 1, $"the engine is too small for one large tenant even with CPUs promised twice ({host})");
        using var templates = CapacityEnv.SmallDisks();
        var cli = engine.Cli(CapacityEnv.Real(overcommit: 2.0, templates: templates.Root));

        var yes = await cli.RunAsync("capacity", "--for", "large", "--count", expected.Count.ToString(), "--json");

        Assert.True(yes.ExitCode == 0, $"{host} holds {expected.Count} large: {yes}");
        var verdict = JsonDocument.Parse(yes.Stdout).RootElement.GetProperty("verdict");
        Assert.True(verdict.GetProperty("fits").GetBoolean());
        var placement = Assert.Single(verdict.GetProperty("placements").EnumerateArray());
        Assert.Equal("local", placement.GetProperty("host").GetString());
        Assert.Equal(expected.Count, placement.GetProperty("count").GetInt32());
        var s = expected.Count == 1 ? "" : "s";
        Assert.StartsWith($"{expected.Count} large tenant{s} (notes@1.1.0) fit{(expected.Count == 1 ? "s" : "")}: {expected.Count} on local", verdict.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CapacityForMedium_ReserveLeavesLittleMemory_OneMoreNamesTheBindingResourceAndExits4()
    {
        // A 99% reserve leaves 1% of the memory (about 240 MiB on a 24 GiB machine) and CPUs promised 1000 times: memory binds
        // unless the engine has a great deal of memory and very few CPUs; the expectation says which.
        var host = await EngineHost.ReadAsync();
        var (cpu, memory, disk) = CapacityEnv.Medium;
        var expected = host.Fit(cpu, memory, disk, reserve: 0.99, overcommit: 1000);
        Assert.True(expected.Binding != ResourceKind.Disk, $"the engine's disk is too full for this test ({host})");
        using var templates = CapacityEnv.SmallDisks();
        var cli = engine.Cli(CapacityEnv.Real(overcommit: 1000, reserve: "99%", templates: templates.Root));

        var no = await cli.RunAsync("capacity", "--for", "medium", "--count", (expected.Count + 1).ToString(), "--json", "--no-usage");

        Assert.True(no.ExitCode == 4, $"{host} holds {expected.Count} medium: {no}");
        var verdict = JsonDocument.Parse(no.Stdout).RootElement.GetProperty("verdict");
        Assert.False(verdict.GetProperty("fits").GetBoolean());
        Assert.Equal(expected.BindingJson, verdict.GetProperty("binding").GetString());
        Assert.Contains($"{expected.BindingText} binds", verdict.GetProperty("reason").GetString());
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
