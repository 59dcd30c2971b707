using Provisioner.Core.Templates;

namespace Provisioner.Core.Data;

/// <summary>
/// Backs up, verifies and restores one kind of data (a database, a volume of files). Adapters live outside Core and are
/// registered by the composition root; the template's <c>data: { kind: ... }</c> names one.
/// </summary>
public interface IDataAdapter
{
    /// <summary>The kind's name and settings, for the template validator.</summary>
    DataKindRules Rules { get; }

    /// <summary>
    /// Whether the component itself serves the data and must keep running for a backup or restore (a database server).
    /// Otherwise its writers, the component included, are stopped first (a volume of files).
    /// </summary>
    bool ServesData { get; }

    /// <summary>The backup file's extension, e.g. <c>.sql.gz</c>.</summary>
    string Extension { get; }

    /// <summary>The data's size in bytes (for the free-disk check before a backup).</summary>
    Task<long> SizeAsync(DataTarget target, CancellationToken ct);

    /// <summary>A checksum over the data's content: same content, same checksum.</summary>
    Task<string> ChecksumAsync(DataTarget target, CancellationToken ct);

    /// <summary>
    /// Writes the data to <paramref name="path"/> (under a temporary name, synced, then renamed) and verifies it: its
    /// content read back must have the live checksum, which is returned. A failure leaves no file behind.
    /// </summary>
    Task<string> BackupAsync(DataTarget target, string path, CancellationToken ct);

    /// <summary>
    /// As <see cref="BackupAsync"/>, while the components that write keep writing (a quiet upgrade's backup): a kind
    /// whose copy is one consistent snapshot by itself (pg_dump reads one transaction's view) verifies that the copy
    /// loads whole and records the checksum of what it holds; it cannot also match the live data, which moved on. By
    /// default the same as <see cref="BackupAsync"/>.
    /// </summary>
    Task<string> BackupWhileServingAsync(DataTarget target, string path, CancellationToken ct) => BackupAsync(target, path, ct);

    /// <summary>
    /// Replaces the data with the backup's: the copy is loaded beside the live data and must match
    /// <paramref name="expectedChecksum"/> before it replaces it; otherwise the live data is left as it was.
    /// </summary>
    Task RestoreAsync(DataTarget target, string path, string expectedChecksum, CancellationToken ct);
}
