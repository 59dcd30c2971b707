using Npgsql;
using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Transfer;

namespace Provisioner.Registry.Postgres;

/// <summary>Writes an export into the shared registry in one transaction (imports take turns under an advisory lock).</summary>
internal sealed class PostgresImportTarget(PostgresDatabase db) : IRegistryImportTarget
{
    public Task<RegistryTransferCounts> ImportAsync(RegistryDump dump, bool replace, CancellationToken ct) =>
        db.InTransactionAsync(async (c, tx) =>
        {
            await ExecuteAsync(c, tx, $"select pg_advisory_xact_lock({AdvisoryKey.Import})", ct);
            var existing = new List<string>();
            await using (var cmd = PostgresDatabase.Command(c, tx, "select name from tenants where name = any(@names) order by name collate \"C\"", ("names", dump.Tenants.Select(t => t.Name).ToArray())))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    existing.Add(r.GetString(0));
                }
            }

            if (existing.Count > 0 && !replace)
            {
                throw ImportConflicts.ExistingTenants(existing);
            }

            foreach (var t in dump.Tenants)
            {
                await CheckPortAsync(c, tx, t, ct);
                await using var upsert = PostgresTenantRegistry.Upsert(c, tx, t);
                await upsert.ExecuteNonQueryAsync(ct);
            }

            var skippedOps = 0;
            foreach (var o in dump.Operations)
            {
                skippedOps += await ImportOperationAsync(c, tx, o, ct) ? 0 : 1;
            }

            var skippedSnapshots = 0;
            foreach (var s in dump.Snapshots)
            {
                skippedSnapshots += await ImportSnapshotAsync(c, tx, s, ct) ? 0 : 1;
            }

            return new RegistryTransferCounts(
                dump.Tenants.Count, dump.Operations.Count - skippedOps, dump.Snapshots.Count - skippedSnapshots, existing.Count, skippedOps, skippedSnapshots);
        }, ct);

    private static async Task CheckPortAsync(NpgsqlConnection c, NpgsqlTransaction tx, TenantRecord t, CancellationToken ct)
    {
        if (t.HostPort is not int port)
        {
            return;
        }

        await using var cmd = PostgresDatabase.Command(c, tx, "select name from tenants where host_port = @p and name <> @n", ("p", port), ("n", t.Name));
        if (await cmd.ExecuteScalarAsync(ct) is string holder)
        {
            throw ImportConflicts.PortTaken(t.Name, port, holder);
        }
    }

    private static async Task<bool> ImportOperationAsync(NpgsqlConnection c, NpgsqlTransaction tx, OperationRecord o, CancellationToken ct)
    {
        var started = RegistryTime.Normalize(o.StartedAt);
        await using (var seen = PostgresDatabase.Command(
            c, tx, "select 1 from operations where tenant = @t and kind = @k and started_at = @s and pid = @p", ("t", o.Tenant), ("k", o.Kind), ("s", started), ("p", o.Pid)))
        {
            if (await seen.ExecuteScalarAsync(ct) is not null)
            {
                return false;
            }
        }

        long id;
        await using (var insert = PostgresDatabase.Command(
            c, tx,
            "insert into operations (tenant, kind, status, detail, pid, started_at, finished_at, error) values (@t, @k, @st, @d, @p, @s, @f::timestamptz, @e::text) returning id",
            ("t", o.Tenant), ("k", o.Kind), ("st", o.Status), ("d", o.Detail), ("p", o.Pid), ("s", started), ("f", Normalize(o.FinishedAt)), ("e", o.Error)))
        {
            id = (long)(await insert.ExecuteScalarAsync(ct))!;
        }

        foreach (var s in o.Steps)
        {
            await using var step = PostgresDatabase.Command(
                c, tx,
                "insert into operation_steps (operation_id, seq, name, status, detail, started_at, finished_at) values (@op, @seq, @n, @st, @d, @s, @f::timestamptz)",
                ("op", id), ("seq", s.Seq), ("n", s.Name), ("st", s.Status), ("d", s.Detail), ("s", RegistryTime.Normalize(s.StartedAt)), ("f", Normalize(s.FinishedAt)));
            await step.ExecuteNonQueryAsync(ct);
        }

        return true;
    }

    private static async Task<bool> ImportSnapshotAsync(NpgsqlConnection c, NpgsqlTransaction tx, CapacitySnapshot s, CancellationToken ct)
    {
        await using (var seen = PostgresDatabase.Command(
            c, tx, "select 1 from capacity_snapshots where taken_at = @at and host = @h and source = @src", ("at", RegistryTime.Normalize(s.At)), ("h", s.Host), ("src", s.Source)))
        {
            if (await seen.ExecuteScalarAsync(ct) is not null)
            {
                return false;
            }
        }

        await using var insert = PostgresCapacityHistory.Insert(c, tx, s);
        await insert.ExecuteNonQueryAsync(ct);
        return true;
    }

    private static DateTimeOffset? Normalize(DateTimeOffset? at) => at is { } value ? RegistryTime.Normalize(value) : null;

    private static async Task ExecuteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = PostgresDatabase.Command(c, tx, sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
