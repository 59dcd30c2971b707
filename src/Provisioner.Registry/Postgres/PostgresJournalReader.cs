using Npgsql;
using NpgsqlTypes;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Postgres;

/// <summary>Reads operations, newest first, with their steps (two queries, however many operations).</summary>
internal static class PostgresJournalReader
{
    public static async Task<IReadOnlyList<OperationRecord>> ReadAsync(NpgsqlConnection c, string? tenant, int limit, CancellationToken ct)
    {
        var ops = new List<OperationRecord>();
        await using (var cmd = PostgresDatabase.Command(
            c, "select id, tenant, kind, status, detail, pid, started_at, finished_at, error from operations where (@t::text is null or tenant = @t) order by id desc limit @limit",
            ("limit", limit)))
        {
            cmd.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Text) { Value = (object?)tenant ?? DBNull.Value });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                ops.Add(new OperationRecord(
                    r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetFieldValue<DateTimeOffset>(6),
                    r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8), []));
            }
        }

        if (ops.Count == 0)
        {
            return ops;
        }

        var steps = ops.ToDictionary(o => o.Id, _ => new List<OperationStep>());
        await using (var cmd = PostgresDatabase.Command(
            c, "select operation_id, id, seq, name, status, detail, started_at, finished_at from operation_steps where operation_id = any(@ops) order by operation_id, seq",
            ("ops", steps.Keys.ToArray())))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                steps[r.GetInt64(0)].Add(new OperationStep(
                    r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6),
                    r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        return ops.Select(o => o with { Steps = steps[o.Id] }).ToList();
    }
}
