using System.Globalization;
using Microsoft.Data.Sqlite;
using Provisioner.Core.Capacity;

namespace Provisioner.Registry.Sqlite;

/// <summary>Capacity snapshots in the registry file (table <c>capacity_snapshots</c>, schema step 2).</summary>
internal sealed class SqliteCapacityHistory(string path) : ICapacityHistory
{
    internal const string Columns =
        "taken_at, host, source, tenants, cpus, memory, disk, reserved_cpu, reserved_memory, reserved_disk, used_cpu, used_memory, used_disk";

    private readonly SqliteDatabase _db = new(path);

    public async Task AppendAsync(IReadOnlyList<CapacitySnapshot> snapshots, CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var tx = c.BeginTransaction();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"insert into capacity_snapshots ({Columns}) values ($at, $host, $source, $tenants, $cpus, $memory, $disk, $rc, $rm, $rd, $uc, $um, $ud)";
        var p = new[] { "$at", "$host", "$source", "$tenants", "$cpus", "$memory", "$disk", "$rc", "$rm", "$rd", "$uc", "$um", "$ud" }
            .Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var s in snapshots)
        {
            object?[] values =
            [
                RegistryTime.Text(s.At), s.Host, s.Source, s.Tenants, s.Facts.Cpus, s.Facts.MemoryBytes, s.Facts.DiskBytes,
                s.Reserved.Cpu, s.Reserved.Memory, s.Reserved.Disk, s.Used?.Cpu, s.Used?.Memory, s.Used?.Disk,
            ];
            for (var i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    public Task<IReadOnlyList<CapacitySnapshot>> ListAsync(DateTimeOffset since, CancellationToken ct) =>
        QueryAsync(
            $"select {Columns} from capacity_snapshots where taken_at >= $since order by id",
            cmd => cmd.Parameters.AddWithValue("$since", RegistryTime.Text(since)),
            ct);

    public Task<IReadOnlyList<CapacitySnapshot>> LatestObservedAsync(CancellationToken ct) =>
        QueryAsync(
            $"select {Columns} from capacity_snapshots where id in (select max(id) from capacity_snapshots where source <> 'registry' group by host) order by host",
            _ => { },
            ct);

    private async Task<IReadOnlyList<CapacitySnapshot>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        bind(cmd);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<CapacitySnapshot>();
        while (await r.ReadAsync(ct))
        {
            var facts = new HostFacts(r.GetString(1), r.GetDouble(4), r.GetInt64(5), r.IsDBNull(6) ? null : r.GetInt64(6));
            Resources? used = r.IsDBNull(10) ? null : new Resources(r.GetDouble(10), r.GetInt64(11), r.IsDBNull(12) ? 0 : r.GetInt64(12));
            list.Add(new CapacitySnapshot(
                DateTimeOffset.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetInt32(3), facts,
                new Resources(r.GetDouble(7), r.GetInt64(8), r.GetInt64(9)), used));
        }

        return list;
    }
}
