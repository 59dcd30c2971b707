using Provisioner.Cli.Rendering;
using Provisioner.Core.Upgrades;

namespace Provisioner.Cli.Tests.Rendering;

/// <summary>The upgrade's downtime line: each tenant of a few, the median and the longest of many, nothing when none was stopped.</summary>
public sealed class UpgradeDowntimeLineTests
{
    private static TenantUpgradeResult Tenant(string name, double? down) =>
        new(name, "1.0.0", "1.1.0", down is null ? UpgradeOutcome.Current : UpgradeOutcome.Upgraded, null, null, null, null, TimeSpan.FromSeconds(30))
        {
            Downtime = down is { } d ? TimeSpan.FromSeconds(d) : null,
        };

    [Fact]
    public void FewTenants_EachNamed()
    {
        var line = UpgradeViews.DowntimeLine([Tenant("acme", 12.34), Tenant("beta", null), Tenant("gamma", 9.0)]);

        Assert.EndsWith(": acme 12.3 s, gamma 9.0 s.", line, StringComparison.Ordinal);
        Assert.StartsWith("Downtime (customers not served: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyTenants_MedianAndLongest()
    {
        var line = UpgradeViews.DowntimeLine([.. Enumerable.Range(1, 7).Select(i => Tenant($"t{i}", i))]);

        Assert.EndsWith(": median 4.0 s, longest 7.0 s (t7), over 7 tenant(s).", line, StringComparison.Ordinal);
    }

    [Fact]
    public void NoneStopped_NoLine() => Assert.Null(UpgradeViews.DowntimeLine([Tenant("acme", null)]));
}
