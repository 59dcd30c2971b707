namespace Provisioner.Core.Capacity;

/// <summary><see cref="Count"/> tenants of one template and size on one host (how the registry answers at fleet size).</summary>
public sealed record TenantGroup(string Host, string TemplateRef, string Size, int Count);
