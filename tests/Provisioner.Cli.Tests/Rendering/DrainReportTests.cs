using Provisioner.Cli.Rendering;
using Provisioner.Core.Hosts;

namespace Provisioner.Cli.Tests.Rendering;

/// <summary>The drain's last line says what happened and, when it stopped, what to run next.</summary>
public sealed class DrainReportTests
{
    private static readonly Dictionary<string, string> Sums = new() { ["db"] = "x" };

    [Fact]
    public void AllMoved_SaysDrained()
    {
        var result = new HostDrainResult("swt2", [Move("acme", TenantMove.Moved), Move("globex", TenantMove.Moved)], Drained: true, TimeSpan.FromSeconds(98.5));

        Assert.Equal(
            "Node swt2 drained in 98.5 s: 2 tenant(s) moved with their data (checksums identical, each health-checked on its new node); its stateless work moves to other nodes now.",
            DrainReport.Summary(result));
    }

    [Fact]
    public void Failed_SaysPausedAndToRerun()
    {
        var result = new HostDrainResult("swt2", [Move("acme", TenantMove.Moved), Move("globex", TenantMove.Failed)], Drained: false, TimeSpan.FromSeconds(40));

        var line = DrainReport.Summary(result);

        Assert.StartsWith("Node swt2 is paused, not drained: 1 tenant(s) moved, then globex failed.", line);
        Assert.Contains("run `provision host drain swt2` again", line);
    }

    [Fact]
    public void NothingOnTheNode_SaysSo() =>
        Assert.StartsWith("Node swt3 drained in 0.2 s: it held no tenant's data", DrainReport.Summary(new HostDrainResult("swt3", [], Drained: true, TimeSpan.FromSeconds(0.2))));

    private static TenantMove Move(string tenant, string outcome) =>
        new(tenant, "swt2", outcome == TenantMove.Moved ? "swt3" : null, outcome, Sums, outcome == TenantMove.Moved ? Sums : [], null, TimeSpan.Zero, TimeSpan.Zero, null);
}
