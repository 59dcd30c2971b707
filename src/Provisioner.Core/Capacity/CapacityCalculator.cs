using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>The capacity model as a pure function: inventory + sizes + options -> per-host and fleet numbers.</summary>
internal static class CapacityCalculator
{
    public static CapacityReport Calculate(
        CapacityInventory inventory, ProductTemplate template, CapacityOptions options, DateTimeOffset at)
    {
        var sizes = template.Sizes.Values.OrderBy(s => s.Cpu).ThenBy(s => s.MemoryBytes).ToList();
        var byHost = new Dictionary<string, (int Count, Resources Reserved, Resources Limits, Resources Used, bool AllMeasured)>(StringComparer.Ordinal);
        foreach (var t in inventory.Tenants)
        {
            byHost.TryGetValue(t.Host, out var acc);
            byHost[t.Host] = (
                acc.Count + t.Count, acc.Reserved + t.Reserved, acc.Limits + t.Limits, acc.Used + (t.Used ?? Resources.Zero),
                (acc.Count == 0 || acc.AllMeasured) && t.Used is not null);
        }

        var hosts = new List<HostCapacity>(inventory.Hosts.Count);
        foreach (var facts in inventory.Hosts.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            byHost.TryGetValue(facts.Name, out var acc);
            var allocatable = Allocatable(facts, options);
            var free = allocatable - acc.Reserved;
            Resources? used = inventory.UsageMeasured ? acc.Used : null;
            hosts.Add(new HostCapacity(
                facts.Name, acc.Count, facts.Total, allocatable, acc.Reserved, used, facts.DiskKnown,
                sizes.Select(s => Fit.Of(free, s, facts.DiskKnown)).ToList())
            {
                Limits = acc.Limits,
            });
        }

        var known = inventory.Hosts.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        var warnings = byHost.Where(kv => !known.Contains(kv.Key))
            .Select(kv => $"{kv.Value.Count} tenant(s) on host '{kv.Key}', whose capacity was never observed, are not counted")
            .ToList();
        var fleetFits = sizes.Select(s => FleetFit(s, hosts)).ToList();
        var suspended = inventory.Tenants.Where(t => t.Suspended && known.Contains(t.Host)).ToList();
        return new CapacityReport(at, inventory.Source, template.Ref, sizes, options, hosts, fleetFits, warnings)
        {
            SuspendedTenants = suspended.Sum(t => t.Count), SuspendedDisk = suspended.Sum(t => t.Reserved.Disk),
        };
    }

    public static Resources Allocatable(HostFacts facts, CapacityOptions options) => new(
        facts.Cpus * options.Allocatable(ResourceKind.Cpu),
        (long)(facts.MemoryBytes * options.Allocatable(ResourceKind.Memory)),
        (long)((facts.DiskBytes ?? 0) * options.Allocatable(ResourceKind.Disk)));

    /// <summary>Tenants are placed whole on one host, so the fleet fits the sum of what each host fits.</summary>
    private static SizeFit FleetFit(SizeSpec size, IReadOnlyList<HostCapacity> hosts)
    {
        var fits = hosts.Select(h => h.Fits.First(f => f.Size == size.Name)).ToList();
        var binding = fits.Where(f => f.Binding is not null).GroupBy(f => f.Binding).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return new SizeFit(size.Name, fits.Sum(f => f.Count), binding);
    }
}
