using Npgsql;
using Provisioner.Core.Capacity;

namespace Provisioner.Registry.Postgres;

/// <summary>Capacity snapshots in the shared registry (table <c>capacity_snapshots</c>); a batch is appended in one transaction.</summary>
internal sealed class PostgresCapacityHistory(PostgresDatabase db) : ICapacityHistory
{
    public const string Columns =
        "taken_at, host, source, tenants, cpus, memory, disk, reserved_cpu, reserved_memory, reserved_disk, used_cpu, used_memory, used_disk";

    public Task AppendAsync(IReadOnlyList<CapacitySnapshot> snapshots, CancellationToken ct) =>
        db.InTransactionAsync(async (c, tx) =>
        {
            foreach (var s in snapshots)
            {
                await using var cmd = Insert(c, tx, s);
                await cmd.ExecuteNonQueryAsync(ct);
            }

            return true;
        }, ct);

    public Task<IReadOnlyList<CapacitySnapshot>> ListAsync(DateTimeOffset since, CancellationToken ct) =>
        QueryAsync($"select {Columns} from capacity_snapshots where taken_at >= @since order by id", ct, ("since", RegistryTime.Normalize(since)));

    public Task<IReadOnlyList<CapacitySnapshot>> LatestObservedAsync(CancellationToken ct) =>
        QueryAsync(
            $"select {Columns} from capacity_snapshots where id in (select max(id) from capacity_snapshots where source <> 'registry' group by host) order by host collate \"C\"",
            ct);

    internal static NpgsqlCommand Insert(NpgsqlConnection c, NpgsqlTransaction tx, CapacitySnapshot s) =>
        PostgresDatabase.Command(
            c, tx,
            $"insert into capacity_snapshots ({Columns}) values (@at, @host, @source, @tenants, @cpus, @memory, @disk::bigint, @rc, @rm, @rd, @uc::double precision, @um::bigint, @ud::bigint)",
            ("at", RegistryTime.Normalize(s.At)), ("host", s.Host), ("source", s.Source), ("tenants", s.Tenants), ("cpus", s.Facts.Cpus), ("memory", s.Facts.MemoryBytes),
            ("disk", s.Facts.DiskBytes), ("rc", s.Reserved.Cpu), ("rm", s.Reserved.Memory), ("rd", s.Reserved.Disk), ("uc", s.Used?.Cpu), ("um", s.Used?.Memory), ("ud", s.Used?.Disk));

    private Task<IReadOnlyList<CapacitySnapshot>> QueryAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] args) =>
        db.RunAsync<IReadOnlyList<CapacitySnapshot>>(async c =>
        {
            await using var cmd = PostgresDatabase.Command(c, sql, args);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var list = new List<CapacitySnapshot>();
            while (await r.ReadAsync(ct))
            {
                var facts = new HostFacts(r.GetString(1), r.GetDouble(4), r.GetInt64(5), r.IsDBNull(6) ? null : r.GetInt64(6));
                Resources? used = r.IsDBNull(10) ? null : new Resources(r.GetDouble(10), r.GetInt64(11), r.IsDBNull(12) ? 0 : r.GetInt64(12));
                list.Add(new CapacitySnapshot(
                    r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetInt32(3), facts,
                    new Resources(r.GetDouble(7), r.GetInt64(8), r.GetInt64(9)), used));
            }

            return list;
        }, ct);
}
