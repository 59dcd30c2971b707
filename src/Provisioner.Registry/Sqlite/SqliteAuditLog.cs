using Microsoft.Data.Sqlite;
using Provisioner.Core.Audit;

namespace Provisioner.Registry.Sqlite;

/// <summary>The audit log in the registry file (table <c>audit_log</c>).</summary>
internal sealed class SqliteAuditLog(string path) : IAuditLog
{
    private const string Columns = "at, os_user, host, command, tenant, exit_code, error, duration_ms";

    private readonly SqliteDatabase _db = new(path);

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"insert into audit_log ({Columns}) values ($at, $user, $host, $command, $tenant, $exit, $error, $ms)";
        cmd.Parameters.AddWithValue("$at", RegistryTime.Text(entry.At));
        cmd.Parameters.AddWithValue("$user", entry.User);
        cmd.Parameters.AddWithValue("$host", entry.Host);
        cmd.Parameters.AddWithValue("$command", entry.Command);
        cmd.Parameters.AddWithValue("$tenant", (object?)entry.Tenant ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$exit", entry.ExitCode);
        cmd.Parameters.AddWithValue("$error", (object?)entry.Error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$ms", entry.DurationMs);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(string? tenant, int limit, CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"select {Columns} from audit_log where ($tenant is null or tenant = $tenant) order by id desc limit $limit";
        cmd.Parameters.AddWithValue("$tenant", (object?)tenant ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<AuditEntry>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new AuditEntry(
                DateTimeOffset.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetInt64(7)));
        }

        return list;
    }
}
