namespace Provisioner.Core.Capacity;

/// <summary>
/// The inventory from the registry alone, for a fleet too large to ask every engine: hosts as last observed (their newest
/// live snapshot) and the recorded tenants, counted by host, template and size, each reserving its size's requests. Fast at
/// thousands of tenants (two small queries); usage is not measured.
/// </summary>
internal sealed class RegistryInventory(ITenantCounts counts, ICapacityHistory history, TenantSizes sizes) : ICapacityInventory
{
    public async Task<CapacityInventory> ReadAsync(bool measureUsage, CancellationToken ct)
    {
        var hosts = (await history.LatestObservedAsync(ct)).Select(s => s.Facts with { Name = s.Host }).ToList();
        var tenants = (await counts.CountAsync(ct))
            .Select(g => new TenantReservation(
                $"{g.Count} x {g.TemplateRef} {g.Size}", g.Host, g.Size, (sizes.Demand(g.TemplateRef, g.Size) ?? Resources.Zero).Times(g.Count), null, g.Count)
            {
                Limits = (sizes.Limits(g.TemplateRef, g.Size) ?? Resources.Zero).Times(g.Count),
            })
            .ToList();
        return new CapacityInventory("registry", hosts, tenants, UsageMeasured: false);
    }
}
