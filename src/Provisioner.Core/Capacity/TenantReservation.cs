namespace Provisioner.Core.Capacity;

/// <summary>
/// What one tenant holds on its host: <see cref="Reserved"/> (its size's requests, or the requests set on its containers when
/// larger), <see cref="Limits"/> (what it may burst to) and, when measured, <see cref="Used"/> (container stats and volume sizes). From the registry at fleet size, one entry
/// stands for <see cref="Count"/> tenants of the same size, and the amounts are their sum.
/// </summary>
public sealed record TenantReservation(string Tenant, string Host, string? Size, Resources Reserved, Resources? Used = null, int Count = 1)
{
    /// <summary>A suspended tenant: it reserves only its disk (its data volumes stay); its CPU and memory are free until it resumes.</summary>
    public bool Suspended { get; init; }

    /// <summary>What the tenant may burst to (its size's limits; for a group, their sum). Capacity reserves requests, not these.</summary>
    public Resources Limits { get; init; }
}
