namespace Provisioner.Core.Capacity;

/// <summary>
/// What one tenant holds on its host: <see cref="Reserved"/> (its size, or the limits enforced on its containers when larger)
/// and, when measured, <see cref="Used"/> (container stats and volume sizes). From the registry at fleet size, one entry
/// stands for <see cref="Count"/> tenants of the same size, and the amounts are their sum.
/// </summary>
public sealed record TenantReservation(string Tenant, string Host, string? Size, Resources Reserved, Resources? Used = null, int Count = 1)
{
    /// <summary>A suspended tenant: it reserves only its disk (its data volumes stay); its CPU and memory are free until it resumes.</summary>
    public bool Suspended { get; init; }
}
