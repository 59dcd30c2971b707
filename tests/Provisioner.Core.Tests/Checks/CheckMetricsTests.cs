using Provisioner.Core.Checks;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;

namespace Provisioner.Core.Tests.Checks;

public sealed class CheckMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static TenantCheck Result(string tenant, string state, params CheckOutcome[] checks) =>
        new(tenant, "notes", "1.1.0", "small", "docker", At, state, checks, state == TenantCheckState.Up ? null : "why");

    private static CheckOutcome Passed(string name, int ms) => new(name, CheckStatus.Passed, "ok", TimeSpan.FromMilliseconds(ms));

    private static FleetCheckResult Fleet(params TenantCheck[] tenants) =>
        new(At, tenants, tenants.Where(t => t.State != TenantCheckState.Skipped).ToDictionary(t => t.Tenant, t => (IReadOnlyList<TenantCheck>)[t]), TimeSpan.FromSeconds(1.5));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData(@"C:\dir", @"C:\\dir")]
    [InlineData("two\nlines", @"two\nlines")]
    [InlineData("\\\"\n", "\\\\\\\"\\n")]
    public void Escape_BackslashQuoteNewline(string value, string expected) => Assert.Equal(expected, CheckMetrics.Escape(value));

    [Fact]
    public void Render_CheckNameWithQuoteAndBackslash_EscapedInItsLabel()
    {
        var text = CheckMetrics.Render(Fleet(Result("a", TenantCheckState.Up, Passed("app:http \"/a\\b\"\nx", 12))));

        Assert.Contains("provision_check_latency_seconds{tenant=\"a\",check=\"app:http \\\"/a\\\\b\\\"\\nx\"} 0.012\n", text);
        Assert.DoesNotContain("\"/a\\b\"", text.Replace("\\\\", "", StringComparison.Ordinal).Replace("\\\"", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_EveryFamilyHasHelpAndTypeBeforeItsSamples_EndsWithEof()
    {
        var text = CheckMetrics.Render(Fleet(Result("a", TenantCheckState.Up, Passed("c1", 5)), Result("b", TenantCheckState.Down, Passed("c1", 7))));

        Assert.EndsWith("\n# EOF\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        var declared = new HashSet<string>();
        foreach (var line in lines.Where(l => !l.StartsWith('#')))
        {
            var family = line[..line.IndexOfAny(['{', ' '])];
            Assert.Contains($"# TYPE {family} gauge", lines);
            Assert.Contains(lines, l => l.StartsWith($"# HELP {family} ", StringComparison.Ordinal));
            declared.Add(family);
        }

        Assert.Contains("provision_tenant_up", declared);
        Assert.Contains("provision_tenant_up{tenant=\"a\",product=\"notes\",version=\"1.1.0\",size=\"small\",backend=\"docker\"} 1", lines);
        Assert.Contains("provision_tenant_up{tenant=\"b\",product=\"notes\",version=\"1.1.0\",size=\"small\",backend=\"docker\"} 0", lines);
        Assert.Contains("provision_tenant_last_success_timestamp_seconds{tenant=\"a\"} 1796126400", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("provision_tenant_last_success_timestamp_seconds{tenant=\"b\"}", StringComparison.Ordinal));
        Assert.Equal(lines.Length, lines.Distinct().Count());
    }

    [Fact]
    public void Render_UnknownTenant_InfoOnly_SkippedTenantAbsent()
    {
        var text = CheckMetrics.Render(Fleet(Result("far", TenantCheckState.Unknown), Result("gone", TenantCheckState.Skipped)));

        Assert.Contains("provision_tenant_info{tenant=\"far\",product=\"notes\",version=\"1.1.0\",size=\"small\",backend=\"docker\",state=\"unknown\"} 1", text);
        Assert.DoesNotContain("provision_tenant_up{tenant=\"far\"", text);
        Assert.DoesNotContain("gone", text);
    }

    [Fact]
    public void Render_RepeatedCheckName_OneSample()
    {
        var text = CheckMetrics.Render(Fleet(Result("a", TenantCheckState.Up, Passed("same", 1), Passed("same", 2))));

        Assert.Single(text.Split('\n'), l => l.StartsWith("provision_check_up{tenant=\"a\",check=\"same\"}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { TenantCheckState.Up, TenantCheckState.Unknown, TenantCheckState.Skipped }, ExitCodes.Ok)]
    [InlineData(new[] { TenantCheckState.Up, TenantCheckState.Down }, ExitCodes.Unhealthy)]
    [InlineData(new string[0], ExitCodes.Ok)]
    public void ExitCode_FiveOnlyWhenATenantIsDown(string[] states, int expected) =>
        Assert.Equal(expected, Fleet(states.Select((s, i) => Result($"t{i}", s)).ToArray()).ExitCode);
}
