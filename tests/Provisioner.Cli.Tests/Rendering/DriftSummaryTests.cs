using Provisioner.Cli.Rendering.Drift;
using Provisioner.Core.Drift;

namespace Provisioner.Cli.Tests.Rendering;

/// <summary>Drift's last line names the way out: the one tenant by name when every difference is its own, else <c>--all</c>.</summary>
public sealed class DriftSummaryTests
{
    private static DriftReport Report(params string[] tenants) => new(
        tenants.Select(t => new DriftFinding(t, DriftKind.Missing, $"container t-{t}-app", "missing")).ToList(), ["acme", "globex"],
        new Dictionary<string, string>(), TimeSpan.FromSeconds(1));

    [Fact]
    public void Summary_OneTenantDrifted_ReconcileItByName() =>
        Assert.EndsWith("`provision reconcile acme` converges it.", DriftViews.Summary(Report("acme", "acme")), StringComparison.Ordinal);

    [Fact]
    public void Summary_TwoTenantsDrifted_ReconcileAll() =>
        Assert.EndsWith("`provision reconcile --all` converges them.", DriftViews.Summary(Report("acme", "globex")), StringComparison.Ordinal);

    [Fact]
    public void Summary_OnlyAnUnregisteredTenant_ReconcileAll() =>
        Assert.EndsWith("`provision reconcile --all` converges them.", DriftViews.Summary(Report("stray")), StringComparison.Ordinal);
}
