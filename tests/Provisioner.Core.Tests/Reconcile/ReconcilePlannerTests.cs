using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Reconcile;

public class ReconcilePlannerTests
{
    private static readonly Stamp Stamp = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "small", 20000);

    private static ObservedState Converged(Func<ObservedContainer, ObservedContainer>? change = null)
    {
        var containers = Stamp.Containers.Select(c => new ObservedContainer("id-" + c.Name, c.Name, ComponentState.Running, null, c.Labels))
            .Concat(Stamp.Jobs.Select(j => new ObservedContainer("id-" + j.Name, j.Name, ComponentState.Exited, 0, j.Labels)))
            .Select(c => change?.Invoke(c) ?? c)
            .ToList();
        return new ObservedState(
            Stamp.Networks.Select(n => new ObservedResource(n.Name, n.Labels)).ToList(),
            Stamp.Volumes.Select(v => new ObservedResource(v.Name, v.Labels)).ToList(),
            containers);
    }

    [Fact]
    public void Plan_NothingExists_CreatesEverythingInOrder()
    {
        var plan = ReconcilePlanner.Plan(Stamp, ObservedState.Empty);

        Assert.Equal(
            ["create network t-acme-internal", "create network t-acme-edge", "create volume t-acme-db-data", "create container t-acme-db", "run job t-acme-migrate", "create container t-acme-app"],
            plan.Select(p => $"{p.Kind.ToString().ToLowerInvariant()} {p.Resource} {p.Name}"));
    }

    [Fact]
    public void Plan_Converged_ChangesNothing() => Assert.Empty(ReconcilePlanner.Plan(Stamp, Converged()));

    [Fact]
    public void Plan_ContainerMarkedDrifted_ReplacedWithTheDriftAsReason()
    {
        var observed = Converged(c => c.Name == "t-acme-db" ? c with { Drift = "limits changed by hand: cpus 1 (size: 0.25)" } : c);

        var change = Assert.Single(ReconcilePlanner.Plan(Stamp, observed));

        Assert.Equal((ChangeKind.Replace, "t-acme-db", "limits changed by hand: cpus 1 (size: 0.25)"), (change.Kind, change.Name, change.Reason));
    }

    [Fact]
    public void Plan_AppRemoved_RecreatesOnlyTheApp()
    {
        var observed = Converged();
        observed = observed with { Containers = observed.Containers.Where(c => c.Name != "t-acme-app").ToList() };

        var change = Assert.Single(ReconcilePlanner.Plan(Stamp, observed));

        Assert.Equal((ChangeKind.Create, "t-acme-app"), (change.Kind, change.Name));
    }

    [Fact]
    public void Plan_StoppedContainer_IsStarted()
    {
        var change = Assert.Single(ReconcilePlanner.Plan(Stamp, Converged(c => c.Name == "t-acme-db" ? c with { State = ComponentState.Exited, ExitCode = 137 } : c)));

        Assert.Equal(ChangeKind.Start, change.Kind);
    }

    [Fact]
    public void Plan_CreatedButNeverStarted_IsReplaced()
    {
        var change = Assert.Single(ReconcilePlanner.Plan(Stamp, Converged(c => c.Name == "t-acme-app" ? c with { State = ComponentState.Created } : c)));

        Assert.Equal(ChangeKind.Replace, change.Kind);
        Assert.Contains("interrupted", change.Reason);
    }

    [Fact]
    public void Plan_OtherVersionRunning_ReplacesAndReRunsTheJob()
    {
        var older = StampBuilder.Build(TemplateParser.Parse("t.yaml", TestTemplates.Notes.Replace("1.1.0", "1.0.0"), TestTemplates.Rules), "acme", "small", 20000);
        var observed = Converged(c => c.Name switch
        {
            "t-acme-app" => c with { Labels = older.Container("app").Labels },
            "t-acme-migrate" => c with { Labels = older.Jobs[0].Labels },
            _ => c,
        });

        var plan = ReconcilePlanner.Plan(Stamp, observed);

        Assert.Equal([ChangeKind.Run, ChangeKind.Replace], plan.Select(p => p.Kind));
        Assert.Equal("template notes@1.0.0 -> notes@1.1.0", plan[1].Reason);
    }

    [Fact]
    public void Plan_OtherSize_ReplacesEverySizedContainerAndSaysWhy()
    {
        var large = StampBuilder.Build(TestTemplates.ParseNotes(), "acme", "large", 20000);

        var plan = ReconcilePlanner.Plan(large, Converged());

        Assert.Equal(3, plan.Count);
        Assert.All(plan, p => Assert.Equal("size small -> large", p.Reason));
    }

    [Fact]
    public void Plan_FailedOrInterruptedJob_RunsAgain()
    {
        Assert.Equal(ChangeKind.Run, Assert.Single(ReconcilePlanner.Plan(Stamp, Converged(c => c.Name == "t-acme-migrate" ? c with { ExitCode = 1 } : c))).Kind);
        Assert.Equal(ChangeKind.Run, Assert.Single(ReconcilePlanner.Plan(Stamp, Converged(c => c.Name == "t-acme-migrate" ? c with { State = ComponentState.Running, ExitCode = null } : c))).Kind);
    }

    [Fact]
    public void Plan_Orphans_AreRemovedButVolumesKept()
    {
        var observed = Converged();
        observed = observed with
        {
            Containers = [.. observed.Containers, new ObservedContainer("x", "t-acme-cache", ComponentState.Running, null, new Dictionary<string, string>())],
            Networks = [.. observed.Networks, new ObservedResource("t-acme-old", new Dictionary<string, string>())],
            Volumes = [.. observed.Volumes, new ObservedResource("t-acme-cache-data", new Dictionary<string, string>())],
        };

        var plan = ReconcilePlanner.Plan(Stamp, observed);

        Assert.Equal(["container t-acme-cache", "network t-acme-old"], plan.Select(p => $"{p.Resource} {p.Name}"));
        Assert.All(plan, p => Assert.Equal(ChangeKind.Remove, p.Kind));
    }

    [Fact]
    public void Plan_AfterJob_RunsOnceEveryComponentIsPlaced()
    {
        var tracker = StampBuilder.Build(TestTemplates.ParseTracker(), "acme", "small", 20000);

        var plan = ReconcilePlanner.Plan(tracker, ObservedState.Empty);

        Assert.Equal(
            ["container t-acme-db", "container t-acme-queue", "job t-acme-migrate", "container t-acme-web", "container t-acme-worker", "job t-acme-seed"],
            plan.Where(p => p.Resource == ResourceType.Container || p.Resource == ResourceType.Job).Select(p => $"{p.Resource} {p.Name}"));
    }
}
