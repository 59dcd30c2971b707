namespace Provisioner.Core.Capacity;

/// <summary>The registry's tenants that are not destroyed, counted by host, template and size (one grouped query).</summary>
public interface ITenantCounts
{
    Task<IReadOnlyList<TenantGroup>> CountAsync(CancellationToken ct);
}
