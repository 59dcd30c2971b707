using Provisioner.Core.Capacity;

namespace Provisioner.Cli.Rendering.Capacity;

/// <summary>
/// The JSON shape of <c>provision capacity --json</c>. CPU in cores, memory and disk in bytes; <c>reserved</c> is the sum of
/// the tenants' requests (what capacity counts), <c>limits</c> the sum of what they may burst to.
/// </summary>
internal static class CapacityJson
{
    public static object View(CapacityResult r) => new
    {
        at = r.Report.At,
        source = r.Report.Source,
        template = r.Report.TemplateRef,
        options = new { reserve = r.Report.Options.Reserve, cpuOvercommit = r.Report.Options.CpuOvercommit, scope = r.Report.Options.Scope.ToString().ToLowerInvariant() },
        sizes = r.Report.Sizes.Select(SizeText.Json),
        verdict = r.Verdict is null ? null : Verdict(r.Verdict),
        fleet = new
        {
            hosts = r.Report.Hosts.Count,
            tenants = r.Report.Tenants,
            suspended = new { tenants = r.Report.SuspendedTenants, reservedDiskBytes = r.Report.SuspendedDisk },
            total = Amount(r.Report.Total),
            allocatable = Amount(r.Report.Allocatable),
            reserved = Amount(r.Report.Reserved),
            limits = Amount(r.Report.Limits),
            used = r.Report.Used is { } u ? Amount(u) : null,
            free = Amount(r.Report.Free),
            fits = r.Report.FleetFits.Select(Fit),
        },
        hosts = r.Report.Hosts.Select(h => new
        {
            name = h.Name,
            tenants = h.Tenants,
            diskKnown = h.DiskKnown,
            total = Amount(h.Total),
            allocatable = Amount(h.Allocatable),
            reserved = Amount(h.Reserved),
            limits = Amount(h.Limits),
            used = h.Used is { } u ? Amount(u) : null,
            free = Amount(h.Free),
            fits = h.Fits.Select(Fit),
        }),
        forecast = r.Forecast.Select(f => new
        {
            host = f.Host,
            snapshots = f.Snapshots,
            since = f.Since,
            resource = f.Resource?.ToString().ToLowerInvariant(),
            ratePerDay = f.RatePerDay,
            fullAt = f.FullAt,
            text = f.Text,
        }),
        warnings = r.Report.Warnings,
    };

    public static object Verdict(CapacityVerdict v) => new
    {
        fits = v.Fits,
        answer = v.Fits ? "yes" : "no",
        size = v.Size,
        count = v.Count,
        customer = v.Customer,
        template = v.TemplateRef,
        binding = v.Binding?.ToString().ToLowerInvariant(),
        reason = v.Reason,
        suggestion = v.Suggestion,
        placements = v.Placements.Select(p => new { host = p.Host, count = p.Count, freeAfter = Amount(p.FreeAfter) }),
    };

    private static object Fit(SizeFit f) => new { size = f.Size, count = f.Count, binding = f.Binding?.ToString().ToLowerInvariant() };

    private static object Amount(Resources r) => new { cpu = Math.Round(r.Cpu, 3), memoryBytes = r.Memory, diskBytes = r.Disk };
}
