using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;

namespace Provisioner.Core.Tests.Upgrades;

public sealed class FleetPlannerTests
{
    private static readonly BackendKind Docker = BackendKind.Of("docker");

    private static readonly BackendKind Aws = BackendKind.Of("aws");

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<BackendKind, IReadOnlyList<string>> DockerOnly = new() { [Docker] = ["backup", "migrate"] };

    private static TenantRecord Tenant(string name, string version = "1.0.0", string status = TenantStatus.Active, string? pinned = null, string product = "notes") =>
        new(name, product, version, "small", Docker, "local", status, null, null, [], null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) { PinnedVersion = pinned };

    private static IReadOnlyList<TenantRecord> Six => new[] { "f", "e", "d", "c", "b", "a" }.Select(n => Tenant(n)).ToList();

    [Fact]
    public void Plan_SixTenantsDefaults_CanaryThenWavesOf25Percent()
    {
        var plan = FleetPlanner.Plan(Six, new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        Assert.Equal("notes", plan.Product);
        Assert.Equal(["a"], plan.Waves[0].Tenants.Select(t => t.Tenant));
        Assert.Equal("canary", plan.Waves[0].Label);
        Assert.Equal([["b", "c"], ["d", "e"], ["f"]], plan.Waves.Skip(1).Select(w => w.Tenants.Select(t => t.Tenant).ToArray()));
        Assert.All(plan.Waves.SelectMany(w => w.Tenants), t => Assert.Equal(("1.0.0", "1.1.0"), (t.From, t.To)));
        Assert.Empty(plan.Excluded);
    }

    [Fact]
    public void Plan_CanaryByNameAndWaveCount_PutsNamedTenantFirst()
    {
        var plan = FleetPlanner.Plan(Six, new FleetRequest { To = "notes@1.1.0", All = true, Canary = "d", WaveSize = "4" }, DockerOnly, Now);

        Assert.Equal(["d"], plan.Waves[0].Tenants.Select(t => t.Tenant));
        Assert.Equal([["a", "b", "c", "e"], ["f"]], plan.Waves.Skip(1).Select(w => w.Tenants.Select(t => t.Tenant).ToArray()));
    }

    [Fact]
    public void Plan_PinnedCurrentAndUnhealthy_AreExcludedWithReasons()
    {
        var tenants = new[]
        {
            Tenant("a"), Tenant("b", pinned: "1.0.0"), Tenant("c", version: "1.1.0"), Tenant("d", status: TenantStatus.Failed),
            Tenant("e", status: TenantStatus.NeedsAttention), Tenant("f", status: TenantStatus.RolledBack), Tenant("g", product: "other"),
        };

        var plan = FleetPlanner.Plan(tenants, new FleetRequest { To = "notes@1.1.0", All = true }, DockerOnly, Now);

        Assert.Equal(["a", "f"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
        var reasons = plan.Excluded.ToDictionary(e => e.Tenant, e => e.Reason);
        Assert.StartsWith("pinned to 1.0.0", reasons["b"]);
        Assert.Equal("already on 1.1.0", reasons["c"]);
        Assert.Contains("Failed", reasons["d"]);
        Assert.StartsWith("needs attention", reasons["e"]);
        Assert.StartsWith("runs other", reasons["g"]);
    }

    [Fact]
    public void Plan_PinnedTenantWithIncludePinned_IsUpgraded()
    {
        var plan = FleetPlanner.Plan([Tenant("a", pinned: "1.0.0")], new FleetRequest { To = "1.1.0", All = true, IncludePinned = true }, DockerOnly, Now);

        Assert.Equal(["a"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
    }

    [Fact]
    public void Plan_FromFilter_KeepsOnlyTenantsOnThatVersion()
    {
        var plan = FleetPlanner.Plan([Tenant("a", "1.0.0"), Tenant("b", "1.0.1")], new FleetRequest { To = "1.1.0", All = true, From = "1.0.1" }, DockerOnly, Now);

        Assert.Equal(["b"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
        Assert.Contains("not --from 1.0.1", plan.Excluded.Single().Reason);
    }

    [Fact]
    public void Plan_InterruptedTenant_IsIncludedSoItGetsSettled()
    {
        var plan = FleetPlanner.Plan([Tenant("a", status: TenantStatus.Upgrading)], new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        Assert.Single(plan.Waves.SelectMany(w => w.Tenants));
    }

    [Theory]
    [InlineData(false, new string[0], "name the tenants")]
    [InlineData(true, new[] { "a" }, "--all cannot be combined")]
    [InlineData(false, new[] { "zz" }, "no tenant named zz")]
    public void Plan_BadSelection_IsBadInput(bool all, string[] names, string message)
    {
        var e = Assert.Throws<BadInputException>(() => FleetPlanner.Plan(Six, new FleetRequest { To = "1.1.0", All = all, Tenants = names }, DockerOnly, Now));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Plan_UnknownCanaryName_IsBadInput()
    {
        var e = Assert.Throws<BadInputException>(() => FleetPlanner.Plan(Six, new FleetRequest { To = "1.1.0", All = true, Canary = "nope" }, DockerOnly, Now));

        Assert.Contains("canary nope", e.Message);
    }

    [Fact]
    public void Plan_TwoProductsAndBareVersion_AsksForTheProduct()
    {
        var e = Assert.Throws<BadInputException>(() => FleetPlanner.Plan([Tenant("a"), Tenant("b", product: "shop")], new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now));

        Assert.Contains("ambiguous", e.Message);
    }

    [Fact]
    public void Plan_NewerThanTarget_IsNotDowngraded()
    {
        var plan = FleetPlanner.Plan([Tenant("a", "2.0.0")], new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        Assert.Contains("downgrades are not supported", plan.Excluded.Single().Reason);
    }

    [Fact]
    public void Plan_AwsTenant_IsLeftOutWithReason()
    {
        var plan = FleetPlanner.Plan([Tenant("a") with { Backend = Aws }], new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        Assert.StartsWith("runs on aws", plan.Excluded.Single().Reason);
    }

    [Fact]
    public void Plan_AwsTenantWithAnAwsUpgrader_IsPlannedWithTheOthers()
    {
        var plan = FleetPlanner.Plan([Tenant("a") with { Backend = Aws }, Tenant("b")], new FleetRequest { To = "1.1.0", All = true }, new Dictionary<BackendKind, IReadOnlyList<string>> { [Docker] = ["backup"], [Aws] = ["snapshot"] }, Now);

        Assert.Equal(["a", "b"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
        Assert.Empty(plan.Excluded);
        Assert.Equal(["on aws: snapshot", "on docker: backup"], plan.Steps);
    }

    [Fact]
    public void Plan_NamedCanaryAlreadyCurrent_IsDroppedNotAnError()
    {
        var plan = FleetPlanner.Plan([Tenant("a", "1.1.0"), Tenant("b")], new FleetRequest { To = "1.1.0", All = true, Canary = "a" }, DockerOnly, Now);

        Assert.Equal(["b"], plan.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
    }

    [Fact]
    public void Plan_NamedCanaryPinned_IsBadInputNotAFleetWithoutCanary()
    {
        var e = Assert.Throws<BadInputException>(() =>
            FleetPlanner.Plan([Tenant("a", pinned: "1.0.0"), Tenant("b"), Tenant("c")], new FleetRequest { To = "1.1.0", All = true, Canary = "a" }, DockerOnly, Now));

        Assert.Contains("canary a cannot be the canary of this upgrade (a pinned to 1.0.0", e.Message);
    }

    [Fact]
    public void Plan_TargetedButNotUpgradable_IsBlocking()
    {
        var tenants = new[] { Tenant("a", status: TenantStatus.NeedsAttention), Tenant("b", version: "1.1.0"), Tenant("c", pinned: "1.0.0") };

        var plan = FleetPlanner.Plan(tenants, new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);

        Assert.Equal(["a"], plan.Excluded.Where(e => e.Blocking).Select(e => e.Tenant));
    }

    [Fact]
    public void Plan_NoTenants_IsBadInputSayingHowToCreateOne()
    {
        var e = Assert.Throws<BadInputException>(() => FleetPlanner.Plan([], new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now));

        Assert.Equal("there are no tenants to upgrade", e.Message);
        Assert.Contains("provision tenant NAME", e.Hint);
    }

    [Theory]
    [InlineData("1.1", "--to '1.1' is not a semantic version")]
    [InlineData("notes@", "--to notes@ names no version")]
    public void Plan_BadTarget_IsBadInput(string to, string message)
    {
        var e = Assert.Throws<BadInputException>(() => FleetPlanner.Plan(Six, new FleetRequest { To = to, All = true }, DockerOnly, Now));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Plan_CanaryZero_NoCanaryWaveAndWavesNumberedFromOne()
    {
        var plan = FleetPlanner.Plan(Six, new FleetRequest { To = "1.1.0", All = true, Canary = "0", WaveSize = "50%" }, DockerOnly, Now);

        Assert.Equal([1, 2], plan.Waves.Select(w => w.Number));
        Assert.Equal([["a", "b", "c"], ["d", "e", "f"]], plan.Waves.Select(w => w.Tenants.Select(t => t.Tenant).ToArray()));
    }

    [Fact]
    public void Plan_DestroyedTenant_BlocksWhenNamedButNotWithAll()
    {
        var tenants = new[] { Tenant("a"), Tenant("b", status: TenantStatus.Destroyed) };

        var all = FleetPlanner.Plan(tenants, new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);
        var named = FleetPlanner.Plan(tenants, new FleetRequest { To = "1.1.0", Tenants = ["a", "b"] }, DockerOnly, Now);

        Assert.Equal(("destroyed", false), (all.Excluded.Single().Reason, all.Excluded.Single().Blocking));
        Assert.Equal(("destroyed", true), (named.Excluded.Single().Reason, named.Excluded.Single().Blocking));
    }

    [Fact]
    public void Plan_SuspendedTenant_SkippedByAllBlocksWhenNamed()
    {
        var tenants = new[] { Tenant("a"), Tenant("b", status: TenantStatus.Suspended) };

        var all = FleetPlanner.Plan(tenants, new FleetRequest { To = "1.1.0", All = true }, DockerOnly, Now);
        var named = FleetPlanner.Plan(tenants, new FleetRequest { To = "1.1.0", Tenants = ["b"] }, DockerOnly, Now);

        Assert.Equal(["a"], all.Waves.SelectMany(w => w.Tenants).Select(t => t.Tenant));
        Assert.Equal(("b", false), (all.Excluded.Single().Tenant, all.Excluded.Single().Blocking));
        Assert.StartsWith("suspended", all.Excluded.Single().Reason);
        Assert.True(named.Excluded.Single().Blocking);
    }
}
