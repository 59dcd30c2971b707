using Microsoft.Data.Sqlite;
using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Transfer;

namespace Provisioner.Registry.Sqlite;

/// <summary>Writes an export into the registry file in one (immediate) transaction.</summary>
internal sealed class SqliteImportTarget(string path) : IRegistryImportTarget
{
    private readonly SqliteDatabase _db = new(path);

    public async Task<RegistryTransferCounts> ImportAsync(RegistryDump dump, bool replace, CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        var existing = new List<string>();
        foreach (var t in dump.Tenants)
        {
            if (await ScalarAsync(c, "select 1 from tenants where name = $n", ct, ("$n", t.Name)) is not null)
            {
                existing.Add(t.Name);
            }
        }

        if (existing.Count > 0 && !replace)
        {
            throw ImportConflicts.ExistingTenants(existing.Order(StringComparer.Ordinal).ToList());
        }

        foreach (var t in dump.Tenants)
        {
            if (t.HostPort is int port && await ScalarAsync(c, "select name from tenants where host_port = $p and name <> $n", ct, ("$p", port), ("$n", t.Name)) is string holder)
            {
                throw ImportConflicts.PortTaken(t.Name, port, holder);
            }

            await using var upsert = SqliteTenantRegistry.Upsert(c, t);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        var skippedOps = 0;
        foreach (var o in dump.Operations)
        {
            skippedOps += await ImportOperationAsync(c, o, ct) ? 0 : 1;
        }

        var skippedSnapshots = 0;
        foreach (var s in dump.Snapshots)
        {
            skippedSnapshots += await ImportSnapshotAsync(c, s, ct) ? 0 : 1;
        }

        await tx.CommitAsync(ct);
        return new RegistryTransferCounts(
            dump.Tenants.Count, dump.Operations.Count - skippedOps, dump.Snapshots.Count - skippedSnapshots, existing.Count, skippedOps, skippedSnapshots);
    }

    private static async Task<bool> ImportOperationAsync(SqliteConnection c, OperationRecord o, CancellationToken ct)
    {
        var started = RegistryTime.Text(o.StartedAt);
        if (await ScalarAsync(c, "select 1 from operations where tenant = $t and kind = $k and started_at = $s and pid = $p", ct, ("$t", o.Tenant), ("$k", o.Kind), ("$s", started), ("$p", o.Pid)) is not null)
        {
            return false;
        }

        var id = (long)(await ScalarAsync(
            c,
            "insert into operations (tenant, kind, status, detail, pid, started_at, finished_at, error) values ($t, $k, $st, $d, $p, $s, $f, $e) returning id",
            ct, ("$t", o.Tenant), ("$k", o.Kind), ("$st", o.Status), ("$d", o.Detail), ("$p", o.Pid), ("$s", started), ("$f", Text(o.FinishedAt)), ("$e", o.Error)))!;
        foreach (var s in o.Steps)
        {
            await ScalarAsync(
                c, "insert into operation_steps (operation_id, seq, name, status, detail, started_at, finished_at) values ($op, $seq, $n, $st, $d, $s, $f)",
                ct, ("$op", id), ("$seq", s.Seq), ("$n", s.Name), ("$st", s.Status), ("$d", s.Detail), ("$s", RegistryTime.Text(s.StartedAt)), ("$f", Text(s.FinishedAt)));
        }

        return true;
    }

    private static async Task<bool> ImportSnapshotAsync(SqliteConnection c, CapacitySnapshot s, CancellationToken ct)
    {
        if (await ScalarAsync(c, "select 1 from capacity_snapshots where taken_at = $at and host = $h and source = $src", ct, ("$at", RegistryTime.Text(s.At)), ("$h", s.Host), ("$src", s.Source)) is not null)
        {
            return false;
        }

        await ScalarAsync(
            c,
            $"insert into capacity_snapshots ({SqliteCapacityHistory.Columns}) values ($at, $h, $src, $tenants, $cpus, $memory, $disk, $rc, $rm, $rd, $uc, $um, $ud)",
            ct, ("$at", RegistryTime.Text(s.At)), ("$h", s.Host), ("$src", s.Source), ("$tenants", s.Tenants), ("$cpus", s.Facts.Cpus), ("$memory", s.Facts.MemoryBytes),
            ("$disk", s.Facts.DiskBytes), ("$rc", s.Reserved.Cpu), ("$rm", s.Reserved.Memory), ("$rd", s.Reserved.Disk), ("$uc", s.Used?.Cpu), ("$um", s.Used?.Memory), ("$ud", s.Used?.Disk));
        return true;
    }

    private static string? Text(DateTimeOffset? at) => at is { } value ? RegistryTime.Text(value) : null;

    private static async Task<object?> ScalarAsync(SqliteConnection c, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await cmd.ExecuteScalarAsync(ct);
    }
}
