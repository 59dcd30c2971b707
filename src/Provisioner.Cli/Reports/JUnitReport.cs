using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Provisioner.Core.Upgrades;

namespace Provisioner.Cli.Reports;

/// <summary>
/// A JUnit XML report CI systems understand: one testcase per targeted tenant; a rollback or failure is a
/// <c>failure</c> with the reason, failing check and log lines; a tenant the fleet never reached is <c>skipped</c>.
/// </summary>
internal static class JUnitReport
{
    public static XDocument Of(FleetResult r)
    {
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        var blocked = r.Plan.Excluded.Where(e => e.Blocking).ToList();
        var failures = r.Tenants.Count(t => t.IsFailure) + blocked.Count;
        var tests = r.Tenants.Count + blocked.Count;
        var skipped = r.Tenants.Count(t => t.Outcome == UpgradeOutcome.NotReached);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", $"provision upgrade {r.Plan.Product} to {r.Plan.To}"),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            new XAttribute("time", Seconds(r.Duration)),
            r.Tenants.Select(t => Case(t, Seconds(t.Duration))),
            blocked.Select(b => new XElement(
                "testcase",
                new XAttribute("classname", "upgrade.blocked"),
                new XAttribute("name", $"{b.Tenant} {b.Version} -> {r.Plan.To}"),
                new XAttribute("time", "0"),
                new XElement("failure", new XAttribute("type", "not-upgradable"), new XAttribute("message", Clean($"{b.Tenant}: not upgradable: {b.Reason}"))))));
        if (r.HaltReason is not null)
        {
            suite.Add(new XElement("system-err", Clean($"fleet halted: {r.HaltReason}")));
        }

        return new XDocument(new XElement(
            "testsuites",
            new XAttribute("name", "provision upgrade"),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("skipped", skipped),
            new XAttribute("time", Seconds(r.Duration)),
            suite));
    }

    private static XElement Case(TenantUpgradeResult t, string seconds)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", $"upgrade.{(t.Wave == 0 ? "canary" : $"wave{t.Wave}")}"),
            new XAttribute("name", $"{t.Tenant} {t.From} -> {t.To}"),
            new XAttribute("time", seconds));
        switch (t.Outcome)
        {
            case UpgradeOutcome.Upgraded or UpgradeOutcome.Current:
                break;
            case UpgradeOutcome.NotReached:
                element.Add(new XElement("skipped", new XAttribute("message", Clean(t.Reason ?? "not reached"))));
                break;
            default:
                var body = string.Join("\n", new[]
                {
                    t.FailingCheck is null ? null : $"failing check: {t.FailingCheck}",
                    t.Backup is null ? null : $"backup: {t.Backup}",
                    t.LogTail is null ? null : $"last log lines:\n{t.LogTail}",
                }.Where(s => s is not null));
                element.Add(new XElement("failure", new XAttribute("type", t.Outcome), new XAttribute("message", Clean($"{t.Tenant}: {t.Outcome}: {t.Reason}")), Clean(body)));
                break;
        }

        return element;
    }

    /// <summary>App log lines may hold control characters XML cannot carry; they become '?'.</summary>
    private static string Clean(string text) => new(text.Select(c => XmlConvert.IsXmlChar(c) ? c : '?').ToArray());
}
