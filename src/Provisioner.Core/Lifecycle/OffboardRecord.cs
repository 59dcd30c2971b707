namespace Provisioner.Core.Lifecycle;

/// <summary>
/// The <c>offboard.json</c> written beside an offboarded set: the tenant as it was (what <c>restore-offboarded</c> re-creates),
/// when it left, until when the set is kept, and the backup it was copied from. <see cref="TenantCreatedAt"/> tells a rerun
/// of an interrupted offboard that the set is this very tenant's.
/// </summary>
internal sealed record OffboardRecord(
    string Tenant, string Product, string Version, string Size, string Backend, DateTimeOffset TenantCreatedAt,
    DateTimeOffset OffboardedAt, DateTimeOffset KeepUntil, string BackupId);
