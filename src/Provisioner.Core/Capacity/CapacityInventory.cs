namespace Provisioner.Core.Capacity;

/// <summary>One consistent view of the fleet: the hosts and every tenant's reservation. <see cref="Source"/> says where it came from.</summary>
public sealed record CapacityInventory(string Source, IReadOnlyList<HostFacts> Hosts, IReadOnlyList<TenantReservation> Tenants, bool UsageMeasured);
