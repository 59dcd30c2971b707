using Provisioner.Core.Data;

namespace Provisioner.Core.Backups;

/// <summary>
/// One backup set as <c>provision backups</c> lists it. <see cref="Id"/> is its folder's name, unique per tenant, and what
/// <c>restore --from</c> takes. An incomplete set (no manifest: a dead or failed backup) is never restored from.
/// </summary>
public sealed record BackupInfo(
    string Id, string Tenant, string Kind, string? Template, DateTimeOffset TakenAt, long Bytes, bool Complete, string Folder, IReadOnlyList<BackupEntry> Components);
