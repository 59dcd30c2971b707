using Provisioner.Core.Audit;

namespace Provisioner.Registry.Postgres;

/// <summary>The audit log in the shared registry (table <c>audit_log</c>): every operator's mutating commands in one place.</summary>
internal sealed class PostgresAuditLog(PostgresDatabase db) : IAuditLog
{
    private const string Columns = "at, os_user, host, command, tenant, exit_code, error, duration_ms";

    public Task AppendAsync(AuditEntry entry, CancellationToken ct) =>
        db.RunAsync(async c =>
        {
            await using var cmd = PostgresDatabase.Command(
                c, $"insert into audit_log ({Columns}) values (@at, @user, @host, @command, @tenant::text, @exit, @error::text, @ms)",
                ("at", RegistryTime.Normalize(entry.At)), ("user", entry.User), ("host", entry.Host), ("command", entry.Command),
                ("tenant", entry.Tenant), ("exit", entry.ExitCode), ("error", entry.Error), ("ms", entry.DurationMs));
            await cmd.ExecuteNonQueryAsync(ct);
            return true;
        }, ct);

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(string? tenant, int limit, CancellationToken ct) =>
        db.RunAsync<IReadOnlyList<AuditEntry>>(async c =>
        {
            await using var cmd = PostgresDatabase.Command(
                c, $"select {Columns} from audit_log where (@tenant::text is null or tenant = @tenant::text) order by id desc limit @limit",
                ("tenant", tenant), ("limit", limit));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var list = new List<AuditEntry>();
            while (await r.ReadAsync(ct))
            {
                list.Add(new AuditEntry(
                    r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetInt64(7)));
            }

            return list;
        }, ct);
}
