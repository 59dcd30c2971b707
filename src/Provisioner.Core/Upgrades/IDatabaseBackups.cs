namespace Provisioner.Core.Upgrades;

/// <summary>Backs up and restores a tenant's database (a dump taken inside its db component on Docker).</summary>
public interface IDatabaseBackups
{
    /// <summary>The database's size in bytes.</summary>
    Task<long> SizeAsync(string tenant, DatabaseTarget db, CancellationToken ct);

    /// <summary>A checksum over every table's rows (same rows, same checksum).</summary>
    Task<string> ChecksumAsync(string tenant, DatabaseTarget db, CancellationToken ct);

    /// <summary>
    /// Dumps the database to <paramref name="path"/> (written under a temporary name, synced, then renamed), then
    /// verifies it by restoring it into a scratch database and comparing checksums.
    /// </summary>
    Task<BackupInfo> BackupAsync(string tenant, DatabaseTarget db, string path, CancellationToken ct);

    /// <summary>Replaces the database with the backup's contents (drop, create, restore). Its app must be stopped.</summary>
    Task RestoreAsync(string tenant, DatabaseTarget db, string path, CancellationToken ct);
}
