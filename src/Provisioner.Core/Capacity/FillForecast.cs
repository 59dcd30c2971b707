using System.Globalization;

namespace Provisioner.Core.Capacity;

/// <summary>
/// Estimates when each host fills: a least-squares line through the reservations of the recent snapshots (the onboarding
/// rate), extended until the first resource reaches the host's allocatable amount. Pure; needs at least
/// <see cref="MinSnapshots"/> snapshots spanning <see cref="MinSpan"/>.
/// </summary>
internal static class FillForecast
{
    public const int MinSnapshots = 3;

    public static readonly TimeSpan MinSpan = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static IReadOnlyList<FillEstimate> Estimate(CapacityReport report, IReadOnlyList<CapacitySnapshot> history)
    {
        var byHost = history.GroupBy(s => s.Host, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.At).ToList(), StringComparer.Ordinal);
        return report.Hosts.Select(h => ForHost(h, byHost.GetValueOrDefault(h.Name) ?? [], report.At)).ToList();
    }

    private static FillEstimate ForHost(HostCapacity host, List<CapacitySnapshot> all, DateTimeOffset now)
    {
        var recent = all.Where(s => s.At >= now - Window).ToList();
        if (recent.Count == 0)
        {
            return new FillEstimate(host.Name, 0, null, null, host.Reserved, null, null, null, "no history yet (every `provision capacity` run adds a snapshot)");
        }

        var first = recent[0];
        var span = recent[^1].At - first.At;
        var grew = $"{recent.Count} snapshot{(recent.Count == 1 ? "" : "s")} since {first.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: "
            + $"{first.Tenants} -> {host.Tenants} tenants, reserved {Units.Cpus(first.Reserved.Cpu)} -> {Units.Cpus(host.Reserved.Cpu)}, "
            + $"{Units.Bytes(first.Reserved.Memory)} -> {Units.Bytes(host.Reserved.Memory)} memory";
        if (recent.Count < MinSnapshots || span < MinSpan)
        {
            return new FillEstimate(host.Name, recent.Count, first.At, first.Reserved, host.Reserved, null, null, null,
                grew + $"; a fill estimate needs {MinSnapshots} snapshots over {MinSpan.TotalMinutes:0} minutes");
        }

        (ResourceKind Kind, double Rate, double Days)? soonest = null;
        foreach (var kind in Enum.GetValues<ResourceKind>().Where(k => k != ResourceKind.Disk || host.DiskKnown))
        {
            var rate = SlopePerDay(recent, kind);
            var left = host.Free.Get(kind);
            if (rate <= 0)
            {
                continue;
            }

            var days = Math.Max(0, left / rate);
            if (soonest is null || days < soonest.Value.Days)
            {
                soonest = (kind, rate, days);
            }
        }

        if (soonest is not { } s)
        {
            return new FillEstimate(host.Name, recent.Count, first.At, first.Reserved, host.Reserved, null, null, null, grew + "; reservations are not growing, so no fill date");
        }

        var fullAt = now + TimeSpan.FromDays(Math.Min(s.Days, 3650));
        var when = fullAt.UtcDateTime.ToString(s.Days < 2 ? "yyyy-MM-dd HH:mm 'UTC'" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = grew + $"; at +{Units.Amount(s.Kind, s.Rate)} a day, {host.Name} fills ({Units.Name(s.Kind)}) around {when}";
        return new FillEstimate(host.Name, recent.Count, first.At, first.Reserved, host.Reserved, s.Kind, s.Rate, fullAt, text);
    }

    /// <summary>Least-squares slope of the reserved amount, per day.</summary>
    private static double SlopePerDay(List<CapacitySnapshot> points, ResourceKind kind)
    {
        var t0 = points[0].At;
        var xs = points.Select(p => (p.At - t0).TotalDays).ToList();
        var ys = points.Select(p => p.Reserved.Get(kind)).ToList();
        var mx = xs.Average();
        var my = ys.Average();
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        return sxx <= 0 ? 0 : xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / sxx;
    }
}
