namespace Provisioner.Aws.Tests.Support;

/// <summary>
/// Resource types the generated programs use that the provider schema subset (pulumi-aws 7.48.0, the resources of the
/// first notes stamp) does not list: EFS for volumes and Cloud Map for service names. Their inputs were checked by hand
/// against pulumi-aws's SDK (Efs/FileSystem, MountTarget, AccessPoint; ServiceDiscovery/PrivateDnsNamespace, Service).
/// Validation tests accept "unknown resource type" for exactly these while the subset lacks them, and nothing else;
/// once the subset has them, the same tests demand zero errors.
/// </summary>
internal static class SchemaGaps
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "aws:efs/fileSystem:FileSystem",
        "aws:efs/mountTarget:MountTarget",
        "aws:efs/accessPoint:AccessPoint",
        "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
        "aws:servicediscovery/service:Service",
    };
}
