namespace Provisioner.Core.Data;

/// <summary>A data adapter that answers queries (SQL health checks run through it).</summary>
public interface IDataQuery
{
    /// <summary>Runs <paramref name="query"/> and returns its output as text, or throws with what went wrong.</summary>
    Task<string> QueryAsync(DataTarget target, string query, string? database, CancellationToken ct);
}
