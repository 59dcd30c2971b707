using System.Globalization;
using Microsoft.Data.Sqlite;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Sqlite;

/// <summary>Operations and their steps, each row written before the work it describes.</summary>
internal sealed class SqliteOperationJournal(SqliteDatabase db) : IOperationJournal
{
    private static string Now => RegistryTime.Text(DateTimeOffset.UtcNow);

    public async Task<long> BeginAsync(string tenant, string kind, string detail, CancellationToken ct = default) =>
        await InsertAsync(
            "insert into operations (tenant, kind, status, detail, pid, started_at) values ($t, $k, 'running', $d, $pid, $now) returning id",
            ct, ("$t", tenant), ("$k", kind), ("$d", detail), ("$pid", Environment.ProcessId), ("$now", Now));

    public async Task<long> StepAsync(long operationId, string step, string detail, CancellationToken ct = default) =>
        await InsertAsync(
            """
            insert into operation_steps (operation_id, seq, name, status, detail, started_at)
            values ($op, (select coalesce(max(seq), 0) + 1 from operation_steps where operation_id = $op), $n, 'running', $d, $now) returning id
            """,
            ct, ("$op", operationId), ("$n", step), ("$d", detail), ("$now", Now));

    public async Task EndStepAsync(long stepId, string status, string? detail = null, CancellationToken ct = default) =>
        await ExecuteAsync(
            "update operation_steps set status = $s, finished_at = $now, detail = coalesce($d, detail) where id = $id",
            ct, ("$s", status), ("$now", Now), ("$d", (object?)detail ?? DBNull.Value), ("$id", stepId));

    public async Task EndAsync(long operationId, string status, string? error = null, CancellationToken ct = default)
    {
        // A step still running when its operation ends ended the same way (e.g. the change that threw).
        await ExecuteAsync(
            "update operation_steps set status = $s, finished_at = $now where operation_id = $id and status = 'running'",
            ct, ("$s", status == JournalStatus.Succeeded ? JournalStatus.Done : status), ("$now", Now), ("$id", operationId));
        await ExecuteAsync(
            "update operations set status = $s, finished_at = $now, error = $e where id = $id",
            ct, ("$s", status), ("$now", Now), ("$e", (object?)error ?? DBNull.Value), ("$id", operationId));
    }

    public async Task<int> MarkInterruptedAsync(string tenant, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var stale = new List<long>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "select id, pid from operations where tenant = $t and status = 'running'";
            cmd.Parameters.AddWithValue("$t", tenant);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                // Callers hold the tenant lock, so a running operation of another process is one that died.
                if (reader.GetInt32(1) != Environment.ProcessId)
                {
                    stale.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in stale)
        {
            await ExecuteAsync("update operations set status = 'interrupted', finished_at = $now, error = 'process exited before finishing' where id = $id", ct, ("$now", Now), ("$id", id));
            await ExecuteAsync("update operation_steps set status = 'interrupted', finished_at = $now where operation_id = $id and status = 'running'", ct, ("$now", Now), ("$id", id));
        }

        return stale.Count;
    }

    public async Task<IReadOnlyList<OperationRecord>> ListAsync(string? tenant, int limit, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var ops = new List<OperationRecord>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "select id, tenant, kind, status, detail, pid, started_at, finished_at, error from operations where ($t is null or tenant = $t) order by id desc limit $limit";
            cmd.Parameters.AddWithValue("$t", (object?)tenant ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$limit", limit);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                ops.Add(new OperationRecord(
                    r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), Date(r, 6)!.Value, Date(r, 7),
                    r.IsDBNull(8) ? null : r.GetString(8), []));
            }
        }

        for (var i = 0; i < ops.Count; i++)
        {
            ops[i] = ops[i] with { Steps = await StepsAsync(c, ops[i].Id, ct) };
        }

        return ops;
    }

    private static async Task<IReadOnlyList<OperationStep>> StepsAsync(SqliteConnection c, long operationId, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select id, seq, name, status, detail, started_at, finished_at from operation_steps where operation_id = $op order by seq";
        cmd.Parameters.AddWithValue("$op", operationId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var steps = new List<OperationStep>();
        while (await r.ReadAsync(ct))
        {
            steps.Add(new OperationStep(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), Date(r, 5)!.Value, Date(r, 6)));
        }

        return steps;
    }

    private static DateTimeOffset? Date(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    private async Task<long> InsertAsync(string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Command(c, sql, args);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var c = await db.OpenAsync(ct);
        await using var cmd = Command(c, sql, args);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, (string Name, object Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd;
    }
}
