namespace Provisioner.Core.Capacity;

/// <summary>Reads hosts and reservations: live from the engine, or from the registry (last observed hosts + recorded tenants).</summary>
public interface ICapacityInventory
{
    /// <summary>Reads the inventory; <paramref name="measureUsage"/> also samples actual usage (slower: about a second).</summary>
    Task<CapacityInventory> ReadAsync(bool measureUsage, CancellationToken ct);
}
