namespace Provisioner.Core.Audit;

/// <summary>The registry's record of every mutating command (<c>provision history</c>). Append-only.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>The newest <paramref name="limit"/> entries, newest first; with <paramref name="tenant"/>, only those naming it.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(string? tenant, int limit, CancellationToken ct);
}
