namespace Provisioner.Core.Stamps;

/// <summary>The labels every tenant resource carries; the engine's labels are the truth about what exists.</summary>
internal static class StampLabels
{
    public const string Managed = "provisioner.managed";
    public const string Tenant = "provisioner.tenant";
    public const string Component = "provisioner.component";
    public const string Template = "provisioner.template";
    public const string Size = "provisioner.size";
    public const string StampHash = "provisioner.stamp-hash";
    public const string Kind = "provisioner.kind";

    /// <summary>Which registry made the resource (set by a backend at create, outside the stamp hash): drift tells its own tenants from other registries' on a shared engine.</summary>
    public const string Owner = "provisioner.registry";

    public static string TenantFilter(string tenant) => $"{Tenant}={tenant}";
}
