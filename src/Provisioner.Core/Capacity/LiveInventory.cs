using Provisioner.Core.Backends;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Capacity;

/// <summary>
/// The inventory of one live host. A tenant reserves the larger of its size's requests (the registry's intent, so a tenant
/// being provisioned already counts) and the requests set on its long-running containers when the observer read them (a
/// sampled run); jobs do not count. A tenant the registry does not know is sized from its containers' template and size
/// labels, so admission needs the engine's container list and no per-container call. With <see cref="CapacityScope.Engine"/> every tenant container on the engine counts, also those of other registries.
/// An observer over several hosts (a cluster) gives every node, and each tenant counts on its recorded (or observed) node.
/// </summary>
internal sealed class LiveInventory(IHostObserver observer, ITenantRegistry registry, TenantSizes sizes, CapacityOptions options) : ICapacityInventory
{
    public async Task<CapacityInventory> ReadAsync(bool measureUsage, CancellationToken ct)
    {
        var observation = await observer.ObserveAsync(measureUsage, ct);
        var hosts = observation.Hosts?.Select(h => h.Name).ToHashSet(StringComparer.Ordinal) ?? [observer.Host];
        var recorded = (await registry.ListAsync(ct))
            .Where(t => t.Status != TenantStatus.Destroyed && hosts.Contains(t.Host))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        var workloads = observation.Workloads.GroupBy(w => w.Tenant, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var names = options.Scope == CapacityScope.Engine ? recorded.Keys.Union(workloads.Keys) : recorded.Keys;
        var tenants = new List<TenantReservation>();
        long volumeBytes = 0;
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var mine = workloads.GetValueOrDefault(name) ?? [];
            var running = mine.Where(w => w.Kind != WorkloadKind.Job).ToList();
            var observedRequests = new Resources(running.Sum(w => w.CpuRequest ?? 0), running.Sum(w => w.MemoryRequest ?? 0), 0);
            var observedLimits = new Resources(running.Sum(w => w.CpuLimit), running.Sum(w => w.MemoryLimit), 0);
            var record = recorded.GetValueOrDefault(name);
            var (intent, intentLimits) = record is not null
                ? (sizes.Demand(record.TemplateRef, record.Size), sizes.Limits(record.TemplateRef, record.Size))
                : running.Select(w => (sizes.Demand(w.TemplateRef, w.Size), sizes.Limits(w.TemplateRef, w.Size))).FirstOrDefault(d => d.Item1 is not null);
            var suspended = record?.Status == TenantStatus.Suspended;
            var reserved = suspended ? new Resources(0, 0, (intent ?? Resources.Zero).Disk) : observedRequests.Max(intent ?? Resources.Zero);
            var limits = (suspended ? Resources.Zero : observedLimits.Max(intentLimits ?? Resources.Zero)) with { Disk = reserved.Disk };
            Resources? used = null;
            if (measureUsage)
            {
                var disk = observation.VolumeBytes?.GetValueOrDefault(name) ?? 0;
                volumeBytes += disk;
                used = new Resources(mine.Sum(w => w.CpuUsed ?? 0), mine.Sum(w => w.MemoryUsed ?? 0), disk);
            }

            var host = record?.Host ?? mine.Select(w => w.Host).FirstOrDefault(h => h is not null) ?? observer.Host;
            tenants.Add(new TenantReservation(name, host, record?.Size ?? running.FirstOrDefault()?.Size, reserved, used) { Suspended = suspended, Limits = limits });
        }

        // Disk tenants can use = free space + what counted tenants' volumes already hold (it is inside their reservations).
        if (observation.Hosts is { } nodes)
        {
            return new CapacityInventory("cluster", nodes, tenants, measureUsage);
        }

        var facts = observation.Facts with { DiskBytes = observation.Facts.DiskBytes + volumeBytes };
        return new CapacityInventory("engine", [facts], tenants, measureUsage);
    }
}
