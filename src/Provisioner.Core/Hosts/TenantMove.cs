namespace Provisioner.Core.Hosts;

/// <summary>
/// What moving one tenant's data off a node did: <see cref="Outcome"/> is <c>moved</c>, <c>skipped</c> (not on that node, or
/// nothing to do) or <c>failed</c>; the checksums of its data before (the verified backup) and after (on the new node).
/// </summary>
public sealed record TenantMove(
    string Tenant,
    string From,
    string? To,
    string Outcome,
    IReadOnlyDictionary<string, string> ChecksumsBefore,
    IReadOnlyDictionary<string, string> ChecksumsAfter,
    string? Backup,
    TimeSpan Downtime,
    TimeSpan Elapsed,
    string? Reason)
{
    public const string Moved = "moved";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    /// <summary>Every data component's checksum on the new node equals the backup's (true when there is no data).</summary>
    public bool ChecksumsMatch => ChecksumsBefore.Count == ChecksumsAfter.Count
        && ChecksumsBefore.All(b => ChecksumsAfter.TryGetValue(b.Key, out var a) && a == b.Value);
}
