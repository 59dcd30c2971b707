using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using static Provisioner.Core.Tests.Capacity.Sizes;

namespace Provisioner.Core.Tests.Capacity;

public sealed class VerdictPlannerTests
{
    private static CapacityReport Report(CapacityOptions options, params HostFacts[] hosts) =>
        CapacityCalculator.Calculate(new CapacityInventory("t", hosts, [], false), Template, options, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Decide_Fits_SaysYesWithPlacementAndHeadroom()
    {
        var report = Report(new CapacityOptions(), Host());

        var verdict = VerdictPlanner.Decide(report, "small", 2, "Big Brand");

        Assert.True(verdict.Fits);
        var placement = Assert.Single(verdict.Placements);
        Assert.Equal(("local", 2), (placement.Host, placement.Count));
        Assert.Equal(0.8, placement.FreeAfter.Cpu, 6);
        Assert.StartsWith("YES: 2 small tenants for Big Brand (notes@1.1.0) fit: 2 on local", verdict.Headline);
    }

    [Fact]
    public void Decide_TooBig_SaysNoNamingBindingAndNewHost()
    {
        var report = Report(new CapacityOptions(), Host());

        var verdict = VerdictPlanner.Decide(report, "large", 1, null);

        Assert.False(verdict.Fits);
        Assert.Equal(ResourceKind.Cpu, verdict.Binding);
        Assert.Contains("CPU binds; each needs 2 CPUs and local has 1.8 CPUs free", verdict.Reason);
        Assert.StartsWith("add a host with at least 2.22 CPUs, 2.2 GiB memory and 22.2 GiB disk free", verdict.Suggestion);
        Assert.Contains("raise capacity.cpuOvercommit", verdict.Suggestion);
    }

    [Fact]
    public void Decide_MemoryBinds_SuggestsMemory()
    {
        var report = Report(new CapacityOptions { Reserve = 0 }, Host(cpus: 64, memoryGi: 3));

        var verdict = VerdictPlanner.Decide(report, "large", 2, null);

        Assert.False(verdict.Fits);
        Assert.Equal(ResourceKind.Memory, verdict.Binding);
        Assert.Contains("only 1 of 2 can be placed", verdict.Reason);
        Assert.StartsWith("add a host with at least 2 GiB memory, 2 CPUs and 20 GiB disk free", verdict.Suggestion);
    }

    [Fact]
    public void Decide_SeveralHosts_SpreadsOntoTheRoomiest()
    {
        var report = Report(new CapacityOptions { Reserve = 0 }, Host("a", cpus: 2), Host("b", cpus: 4));

        // b has twice the room: it takes tenants until both have room for four more, then they alternate.
        var verdict = VerdictPlanner.Decide(report, "small", 6, null);

        Assert.True(verdict.Fits);
        Assert.Equal([("a", 1), ("b", 5)], verdict.Placements.Select(p => (p.Host, p.Count)));
    }

    [Fact]
    public void Decide_NoHosts_SaysNo()
    {
        var verdict = VerdictPlanner.Decide(Report(new CapacityOptions()), "small", 1, null);

        Assert.False(verdict.Fits);
        Assert.Contains("no host is known", verdict.Reason);
    }

    [Fact]
    public void Decide_UnknownSize_IsBadInput()
    {
        Assert.Throws<BadInputException>(() => VerdictPlanner.Decide(Report(new CapacityOptions(), Host()), "huge", 1, null));
    }
}
