namespace Provisioner.Aws.Pulumi;

/// <summary>One stack per tenant: <c>tenant-&lt;name&gt;</c>.</summary>
internal static class StackNames
{
    public static string ForTenant(string tenant) => $"tenant-{tenant}";
}
