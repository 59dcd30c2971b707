using Provisioner.Core.Capacity;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>A size that states requests below its limits: capacity counts the requests, containers get the limits.</summary>
public sealed class RequestsAndLimitsTests
{
    private const long Mi = 1L << 20;

    private static readonly ProductTemplate Bursting = TestTemplates.ParseNotes(TestTemplates.Notes.Replace(
        "small:  { cpu: 0.5, memory: 512Mi, disk: 2Gi }", "small:  { cpu: 0.1, cpuLimit: 0.5, memory: 192Mi, memoryLimit: 512Mi, disk: 2Gi }"));

    [Fact]
    public void Parse_FlatRequestsAndLimits_BothKept()
    {
        var small = Bursting.Sizes["small"];

        Assert.Equal((0.1, 192 * Mi, 0.5, 512 * Mi, true), (small.Cpu, small.MemoryBytes, small.CpuLimit, small.MemoryLimitBytes, small.Bursts));
    }

    [Fact]
    public void Parse_OldFormWithoutLimits_LimitEqualsRequest()
    {
        var large = Bursting.Sizes["large"];

        Assert.Equal((2.0, 2L << 30, false), (large.CpuLimit, large.MemoryLimitBytes, large.Bursts));
    }

    [Fact]
    public void Parse_LimitBelowRequest_NamesThePathOfEach()
    {
        var yaml = TestTemplates.Notes.Replace(
            "small:  { cpu: 0.5, memory: 512Mi, disk: 2Gi }", "small:  { cpu: 0.5, cpuLimit: 0.25, memory: 512Mi, memoryLimit: 256Mi, disk: 2Gi }");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        Assert.Contains(e.Errors, x => x.Path == "sizes.small.cpuLimit" && x.Message.Contains("at least the requested cpu (0.5)"));
        Assert.Contains(e.Errors, x => x.Path == "sizes.small.memoryLimit" && x.Message.Contains("at least the requested memory (512 MiB)"));
    }

    [Fact]
    public void Parse_UnknownSizeKey_ListsTheAllowedOnes()
    {
        var yaml = TestTemplates.Notes.Replace("small:  { cpu: 0.5, memory: 512Mi, disk: 2Gi }", "small:  { cpu: 0.5, cpuMax: 1, memory: 512Mi, disk: 2Gi }");

        var e = Assert.Throws<TemplateInvalidException>(() => TestTemplates.ParseNotes(yaml));

        Assert.Contains(e.Errors, x => x.ToString().Contains("cpuMax") && x.ToString().Contains("cpuLimit"));
    }

    [Fact]
    public void Build_BurstingSize_ContainersGetTheLimitsAndTheirShareOfTheRequests()
    {
        var stamp = StampBuilder.Build(Bursting, "acme", "small", 20000);

        var app = stamp.Containers.Single(c => c.Component == "app").Spec;
        var db = stamp.Containers.Single(c => c.Component == "db").Spec;
        Assert.Equal(500_000_000, app.NanoCpus + db.NanoCpus);
        Assert.Equal(512 * Mi, app.MemoryBytes + db.MemoryBytes);
        Assert.Equal(100_000_000, app.RequestNanoCpus + db.RequestNanoCpus);
        Assert.Equal(192 * Mi, app.RequestMemoryBytes + db.RequestMemoryBytes);
    }

    [Fact]
    public void Build_RequestsChange_HashChanges_OldFormKeepsItsHash()
    {
        var explicitLimits = TestTemplates.ParseNotes(TestTemplates.Notes.Replace(
            "small:  { cpu: 0.5, memory: 512Mi, disk: 2Gi }", "small:  { cpu: 0.5, cpuLimit: 0.5, memory: 512Mi, memoryLimit: 512Mi, disk: 2Gi }"));
        var oldForm = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000);
        var sameAsOld = StampBuilder.Build(explicitLimits, "acme", "small", 20000);
        var bursting = StampBuilder.Build(Bursting, "acme", "small", 20000);

        Assert.Equal(Hashes(oldForm), Hashes(sameAsOld));
        Assert.NotEqual(Hashes(oldForm), Hashes(bursting));
    }

    [Fact]
    public void Calculate_BurstingTenants_ReserveRequestsAndReportLimits()
    {
        var small = Bursting.Sizes["small"];
        var tenants = Enumerable.Range(0, 3)
            .Select(i => new TenantReservation($"t{i}", "local", "small", Fit.Demand(small)) { Limits = Fit.Limits(small) }).ToList();
        var inventory = new CapacityInventory("t", [Sizes.Host()], tenants, false);

        var report = CapacityCalculator.Calculate(inventory, Bursting, new CapacityOptions(), DateTimeOffset.UnixEpoch);

        Assert.Equal(0.3, report.Reserved.Cpu, 6);
        Assert.Equal(1.5, report.Limits.Cpu, 6);
        Assert.Equal(3 * 512 * Mi, report.Limits.Memory);
        // 2 CPUs less 10% = 1.8 allocatable: 15 requests of 0.1 fit after the 3 (limits would allow 0).
        Assert.Equal(15, report.FleetFits.Single(f => f.Size == "small").Count);
    }

    private static List<string> Hashes(Stamp stamp) => stamp.Containers.Select(c => c.Labels[StampLabels.StampHash]).ToList();
}
