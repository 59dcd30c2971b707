namespace Provisioner.Core.Lifecycle;

/// <summary>
/// The final verified backup of an offboarded tenant and its record (<c>offboard.json</c> beside the backup's manifest): what
/// the tenant ran (<see cref="Product"/>@<see cref="Version"/>, <see cref="Size"/>, <see cref="Backend"/>), when it left and
/// until when the set is kept. <see cref="Id"/> is its folder's name; <see cref="Bytes"/> its size on disk.
/// </summary>
public sealed record OffboardedSet(
    string Id,
    string Tenant,
    string Product,
    string Version,
    string Size,
    string Backend,
    DateTimeOffset TenantCreatedAt,
    DateTimeOffset OffboardedAt,
    DateTimeOffset KeepUntil,
    long Bytes,
    string Folder)
{
    public string TemplateRef => $"{Product}@{Version}";

    /// <summary>Whether <c>provision purge</c> may delete it at <paramref name="now"/>: only once its keep-until has passed.</summary>
    public bool Expired(DateTimeOffset now) => KeepUntil <= now;
}
