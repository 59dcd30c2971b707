using Provisioner.Core.Drift;
using Provisioner.Core.Reconcile;

namespace Provisioner.Core.Tests.Drift;

public class DriftFindingsTests
{
    [Theory]
    [InlineData(ChangeKind.Create, "container", "missing", DriftKind.Missing)]
    [InlineData(ChangeKind.Start, "container", "was exited", DriftKind.Stopped)]
    [InlineData(ChangeKind.Run, "job", "not run yet", DriftKind.Job)]
    [InlineData(ChangeKind.Remove, "network", "not in the stamp", DriftKind.Unknown)]
    [InlineData(ChangeKind.Replace, "container", "image swapped: it runs notes-app:1.0.0, its template says notes-app:1.1.0", DriftKind.Image)]
    [InlineData(ChangeKind.Replace, "container", "limits changed by hand: cpus 1 (size: 0.25)", DriftKind.Limits)]
    [InlineData(ChangeKind.Replace, "container", "detached by hand from network t-acme-edge", DriftKind.Detached)]
    [InlineData(ChangeKind.Replace, "container", "replaced by hand: a container of this name without acme's labels (image x)", DriftKind.Replaced)]
    [InlineData(ChangeKind.Replace, "container", "spec changed", DriftKind.Replaced)]
    public void From_PlannedChange_NamesTheKindAndTheResource(ChangeKind kind, string resource, string reason, string expected)
    {
        var finding = DriftFindings.From("acme", new PlannedChange(kind, ResourceType.Of(resource), "t-acme-x", reason));

        Assert.Equal(("acme", expected, $"{resource} t-acme-x"), (finding.Tenant, finding.Kind, finding.Resource));
    }

    [Fact]
    public void ExitCode_DriftFound_6_Else_0()
    {
        Assert.Equal(0, new DriftReport([], ["acme"], new Dictionary<string, string>(), TimeSpan.Zero).ExitCode);
        Assert.Equal(6, new DriftReport([new DriftFinding("acme", DriftKind.Missing, "container t-acme-app", "x")], ["acme"], new Dictionary<string, string>(), TimeSpan.Zero).ExitCode);
    }

    [Fact]
    public void ReconcileExitCode_FailedBeatsUnhealthyBeatsOk()
    {
        static ReconcileOutcome O(string outcome) => new("t", outcome, [], null, TimeSpan.Zero);

        Assert.Equal(0, new ReconcileReport([O(ReconcileOutcome.Converged), O(ReconcileOutcome.Cleaned), O(ReconcileOutcome.Skipped)], 2, TimeSpan.Zero).ExitCode);
        Assert.Equal(5, new ReconcileReport([O(ReconcileOutcome.Unhealthy), O(ReconcileOutcome.Unchanged)], 2, TimeSpan.Zero).ExitCode);
        Assert.Equal(1, new ReconcileReport([O(ReconcileOutcome.Unhealthy), O(ReconcileOutcome.FailedOutcome)], 2, TimeSpan.Zero).ExitCode);
    }
}
