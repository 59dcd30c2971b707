using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>
/// Decides whether <c>count</c> tenants of a size fit (a pure function of a <see cref="CapacityReport"/>). Each tenant goes
/// whole onto the host where the most of that size still fit (spreading load), so the placement is the one provisioning makes.
/// </summary>
internal static class VerdictPlanner
{
    public static CapacityVerdict Decide(CapacityReport report, string sizeName, int count, string? customer)
    {
        var size = report.Sizes.FirstOrDefault(s => s.Name == sizeName)
            ?? throw new Errors.BadInputException($"{report.TemplateRef} has no size '{sizeName}'", $"sizes of {report.TemplateRef}: {string.Join(", ", report.Sizes.Select(s => s.Name))}");
        var demand = Fit.Demand(size);
        var free = report.Hosts.ToDictionary(h => h.Name, h => h.Free, StringComparer.Ordinal);
        var placed = new Dictionary<string, int>(StringComparer.Ordinal);
        var who = customer is { Length: > 0 } c ? $" for {c}" : "";
        var what = $"{count} {size.Name} tenant{(count == 1 ? "" : "s")}{who} ({report.TemplateRef})";
        for (var i = 0; i < count; i++)
        {
            var best = report.Hosts
                .Select(h => (Host: h, Fit: Fit.Of(free[h.Name], size, h.DiskKnown)))
                .Where(x => x.Fit.Count > 0)
                .OrderByDescending(x => x.Fit.Count).ThenBy(x => x.Host.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best.Host is null)
            {
                return No(report, size, count, customer, what, placed.Values.Sum(), free);
            }

            free[best.Host.Name] -= demand;
            placed[best.Host.Name] = placed.GetValueOrDefault(best.Host.Name) + 1;
        }

        var placements = report.Hosts.Where(h => placed.ContainsKey(h.Name))
            .Select(h => new Placement(h.Name, placed[h.Name], free[h.Name], h.Allocatable)).ToList();
        var where = string.Join(", ", placements.Select(p => $"{p.Count} on {p.Host} (then free: {FreeText(p.FreeAfter, report.Hosts.First(h => h.Name == p.Host).DiskKnown)})"));
        return new CapacityVerdict(true, size.Name, count, customer, report.TemplateRef, placements, null, $"{what} fit{(count == 1 ? "s" : "")}: {where}", null);
    }

    private static CapacityVerdict No(
        CapacityReport report, SizeSpec size, int count, string? customer, string what, int placeable, Dictionary<string, Resources> free)
    {
        if (report.Hosts.Count == 0)
        {
            return new CapacityVerdict(false, size.Name, count, customer, report.TemplateRef, [], null, $"{what} cannot be placed: no host is known",
                "observe a host first (`provision capacity` against the engine)");
        }

        // The binding resource is the one that stops the host with the most room.
        var best = report.Hosts.OrderByDescending(h => Fit.Of(h.Free, size, h.DiskKnown).Count).ThenBy(h => h.Name, StringComparer.Ordinal).First();
        var binding = Fit.Of(free[best.Name], size, best.DiskKnown).Binding ?? ResourceKind.Cpu;
        var need = Fit.Need(size, binding);
        var left = Math.Max(0, free[best.Name].Get(binding));
        var missing = count - placeable;
        var reason = $"{what} do{(count == 1 ? "es" : "")} not fit: {Units.Name(binding)} binds; "
            + (placeable > 0 ? $"only {placeable} of {count} can be placed; " : "")
            + $"each needs {Units.Amount(binding, need)} and {best.Name} has {Units.Amount(binding, left)} free"
            + $" (of {Units.Format(binding, best.Allocatable.Get(binding))} allocatable after the {Units.Percent(report.Options.Reserve)} reserve)";
        var newHost = Enum.GetValues<ResourceKind>()
            .Where(k => k != ResourceKind.Disk || best.DiskKnown)
            .Select(k => (Kind: k, Amount: Fit.Need(size, k) * missing / report.Options.Allocatable(k)))
            .OrderBy(x => x.Kind == binding ? 0 : 1)
            .Select(x => Units.Amount(x.Kind, x.Amount))
            .ToList();
        var shortBy = (need * missing) - left;
        var suggestion = $"add a host with at least {string.Join(", ", newHost.SkipLast(1))}{(newHost.Count > 1 ? " and " : "")}{newHost[^1]} free"
            + $", or free {Units.Amount(binding, shortBy)} on {best.Name} by destroying or shrinking tenants"
            + (binding == ResourceKind.Cpu ? ", or raise capacity.cpuOvercommit" : "");
        return new CapacityVerdict(false, size.Name, count, customer, report.TemplateRef, [], binding, reason, suggestion);
    }

    public static string FreeText(Resources free, bool diskKnown) =>
        $"{Units.Cpus(free.Cpu)}, {Units.Bytes(free.Memory)} memory" + (diskKnown ? $", {Units.Bytes(free.Disk)} disk" : "");
}
