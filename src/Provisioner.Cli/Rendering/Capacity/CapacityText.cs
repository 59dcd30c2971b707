using System.Globalization;
using Provisioner.Core.Capacity;
using Spectre.Console;

namespace Provisioner.Cli.Rendering.Capacity;

/// <summary>The human output of <c>provision capacity</c>: per-host numbers, what fits, the history line, the verdict.</summary>
internal static class CapacityText
{
    public static void Write(CapacityResult result, CliOutput output)
    {
        var r = result.Report;
        var scope = r.Source == "registry" ? "recorded tenants on hosts as last observed"
            : r.Options.Scope == CapacityScope.Engine ? "every tenant on the engine" : "this registry's tenants";
        output.Line($"Capacity at {r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC from the {r.Source} ({scope}); "
            + $"sizes of {r.TemplateRef}; reserve {Units.Percent(r.Options.Reserve)}, CPU overcommit {r.Options.CpuOvercommit.ToString("0.##", CultureInfo.InvariantCulture)}x");
        if (r.Hosts.Count == 0)
        {
            output.Line("No host is known yet: run `provision capacity` against an engine first.");
        }
        else
        {
            output.Human.Write(Numbers(r));
            output.Human.Write(Fits(r));
        }

        output.Line($"Fleet: {r.Hosts.Count} host(s), {r.Tenants} tenant(s); reserved {Share(r.Reserved.Cpu, r.Allocatable.Cpu, ResourceKind.Cpu)}, "
            + $"{Share(r.Reserved.Memory, r.Allocatable.Memory, ResourceKind.Memory)}"
            + (r.Hosts.Any(h => h.DiskKnown) ? $", {Share(r.Reserved.Disk, r.Allocatable.Disk, ResourceKind.Disk)}" : "") + " allocatable "
            + $"(requests); limits {Units.Cpus(r.Limits.Cpu)}, {Units.Bytes(r.Limits.Memory)} memory (what they may burst to, not reserved).");
        if (r.SuspendedTenants > 0)
        {
            output.Line($"Suspended: {r.SuspendedTenants} tenant(s), counted above; they keep {Units.Bytes(r.SuspendedDisk)} of disk reserved (their data) "
                + "and hold no CPU or memory until `provision resume`, which is admitted by the capacity check again.");
        }

        foreach (var w in r.Warnings)
        {
            output.Line($"Warning: {w}");
        }

        foreach (var f in result.Forecast.Take(10))
        {
            output.Line($"History of {f.Host}: {f.Text}");
        }

        if (result.Forecast.Count > 10)
        {
            output.Line($"(history of {result.Forecast.Count - 10} more host(s) in --json and --html)");
        }

        if (result.Verdict is { } v)
        {
            output.Line($"Verdict: {v.Headline}");
            if (v.Suggestion is { } s)
            {
                output.Line($"To make it a yes: {s}");
            }
        }
    }

    private static Table Numbers(CapacityReport r)
    {
        var table = new Table().AddColumns("HOST", "TENANTS", "RESOURCE", "TOTAL", "ALLOCATABLE", "REQUESTED", "LIMITS", "USED", "FREE");
        foreach (var h in r.Hosts)
        {
            var first = true;
            foreach (var kind in Enum.GetValues<ResourceKind>())
            {
                var known = kind != ResourceKind.Disk || h.DiskKnown;
                var free = h.Free.Get(kind);
                table.AddRow(
                    first ? Cell.Escape(h.Name) : "", first ? h.Tenants.ToString(CultureInfo.InvariantCulture) : "", Units.Name(kind),
                    known ? Units.Format(kind, h.Total.Get(kind)) : "unknown", known ? Units.Format(kind, h.Allocatable.Get(kind)) : "-",
                    Units.Format(kind, h.Reserved.Get(kind)), kind == ResourceKind.Disk ? "-" : Units.Format(kind, h.Limits.Get(kind)), h.Used is { } u ? Units.Format(kind, u.Get(kind)) : "-",
                    !known ? "-" : free < 0 ? $"[red]{Cell.Escape(Units.Format(kind, free))} (overbooked)[/]" : Units.Format(kind, free));
                first = false;
            }
        }

        return table;
    }

    private static Table Fits(CapacityReport r)
    {
        var table = new Table().AddColumn("MORE THAT FIT");
        foreach (var s in r.Sizes)
        {
            table.AddColumn($"{s.Name.ToUpperInvariant()} ({SizeText.Of(s)}, {Units.Bytes(s.DiskBytes)} disk)");
        }

        var rows = r.Hosts.Count <= 20 ? r.Hosts.Select(h => (h.Name, h.Fits)).ToList() : [];
        rows.Add(("fleet", r.FleetFits));
        foreach (var (name, fits) in rows)
        {
            table.AddRow([Cell.Escape(name), .. fits.Select(f => f.Binding is { } b ? $"{f.Count} ({Units.Name(b)} binds)" : f.Count.ToString(CultureInfo.InvariantCulture))]);
        }

        return table;
    }

    private static string Share(double part, double whole, ResourceKind kind) => $"{Units.Format(kind, part)} of {Units.Amount(kind, whole)}";
}
