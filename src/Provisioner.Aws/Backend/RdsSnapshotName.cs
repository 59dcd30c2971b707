using System.Text.RegularExpressions;

namespace Provisioner.Aws.Backend;

/// <summary>
/// Names of the RDS snapshots taken before an upgrade's migration: <c>t-acme-pre-1-2-0-20261122T0612</c>. RDS allows letters,
/// digits and single hyphens, starting with a letter, at most 255 characters.
/// </summary>
internal static partial class RdsSnapshotName
{
    public static string Before(string tenant, string version, DateTimeOffset at) =>
        Hyphens().Replace($"t-{Unsafe().Replace(tenant, "-")}-pre-{Unsafe().Replace(version.ToLowerInvariant(), "-")}-{at.UtcDateTime:yyyyMMdd't'HHmmss}", "-").TrimEnd('-');

    /// <summary>The snapshot of one of the tenant's databases: the component joins the name only when there are several.</summary>
    public static string Before(string tenant, string component, int databases, string version, DateTimeOffset at) =>
        Before(databases == 1 ? tenant : $"{tenant}-{component}", version, at);

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Unsafe();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
