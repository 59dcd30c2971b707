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

    public static string TenantFilter(string tenant) => $"{Tenant}={tenant}";
}
