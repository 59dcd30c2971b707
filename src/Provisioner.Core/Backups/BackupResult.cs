namespace Provisioner.Core.Backups;

/// <summary>
/// One tenant's on-demand backup: the verified set, whether the tenant kept serving (<see cref="Online"/>) or which
/// components were stopped and for how long (<see cref="PausedFor"/>: from the first stop until the tenant was healthy
/// again), and the older sets retention deleted.
/// </summary>
public sealed record BackupResult(
    string Tenant, BackupInfo Set, bool Online, IReadOnlyList<string> Paused, TimeSpan PausedFor, TimeSpan Elapsed, IReadOnlyList<string> Deleted, string? Note);
