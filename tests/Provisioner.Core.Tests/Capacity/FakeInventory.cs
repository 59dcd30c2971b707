using Provisioner.Core.Capacity;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>An inventory that returns what the test put in it and counts reads.</summary>
internal sealed class FakeInventory(params HostFacts[] hosts) : ICapacityInventory
{
    public List<TenantReservation> Tenants { get; } = [];

    public int Reads { get; private set; }

    public Task<CapacityInventory> ReadAsync(bool measureUsage, CancellationToken ct)
    {
        Reads++;
        return Task.FromResult(new CapacityInventory("fake", hosts, Tenants.ToList(), measureUsage));
    }
}
