using Npgsql;
using NpgsqlTypes;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Faults;

namespace Provisioner.Registry.Postgres;

/// <summary>The shared registry's tenants: the SQLite registry's contract, in PostgreSQL, for every client of a team.</summary>
internal sealed class PostgresTenantRegistry(PostgresDatabase db) : ITenantRegistry
{
    public const string Columns = "name, product, version, size, backend, host, status, endpoint, host_port, secrets, last_error, created_at, updated_at, pinned_version, expires_at, maintenance_window";

    public IOperationJournal Journal { get; } = StepFaults.Around(new PostgresOperationJournal(db));

    public Task<TenantRecord?> GetAsync(string name, CancellationToken ct = default) =>
        db.RunAsync(async c =>
        {
            await using var cmd = PostgresDatabase.Command(c, $"select {Columns} from tenants where name = @name", ("name", name));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            return await r.ReadAsync(ct) ? Read(r) : null;
        }, ct);

    public Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<TenantRecord>>(async c =>
        {
            await using var cmd = PostgresDatabase.Command(c, $"select {Columns} from tenants order by name collate \"C\"");
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var list = new List<TenantRecord>();
            while (await r.ReadAsync(ct))
            {
                list.Add(Read(r));
            }

            return list;
        }, ct);

    public Task SaveAsync(TenantRecord tenant, CancellationToken ct = default) =>
        db.RunAsync(async c =>
        {
            await using var cmd = Upsert(c, null, tenant);
            await cmd.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task DeleteAsync(string name, CancellationToken ct = default) =>
        db.RunAsync(async c =>
        {
            await using var cmd = PostgresDatabase.Command(c, "delete from tenants where name = @name", ("name", name));
            await cmd.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task<TenantRecord> SaveWithNewPortAsync(TenantRecord tenant, int first, int last, Func<int, bool> isFree, CancellationToken ct = default) =>
        db.InTransactionAsync(async (c, tx) =>
        {
            // Clients choosing ports at the same moment take turns (the lock ends with the transaction).
            await using (var turn = PostgresDatabase.Command(c, tx, $"select pg_advisory_xact_lock({AdvisoryKey.Ports})"))
            {
                await turn.ExecuteNonQueryAsync(ct);
            }

            var taken = new HashSet<int>();
            await using (var cmd = PostgresDatabase.Command(c, tx, "select host_port from tenants where host_port is not null and name <> @name", ("name", tenant.Name)))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    taken.Add(r.GetInt32(0));
                }
            }

            for (var port = first; port <= last; port++)
            {
                if (taken.Contains(port) || !isFree(port))
                {
                    continue;
                }

                var saved = tenant with { HostPort = port };
                await using var upsert = Upsert(c, tx, saved);
                await upsert.ExecuteNonQueryAsync(ct);
                return saved;
            }

            throw new ProvisionerException(
                $"no free port left in {first}-{last} for {tenant.Name}", ExitCodes.CapacityNo, "widen ports.first/ports.last in provisioner.yaml or destroy unused tenants");
        }, ct);

    internal static NpgsqlCommand Upsert(NpgsqlConnection c, NpgsqlTransaction? tx, TenantRecord t)
    {
        var cmd = PostgresDatabase.Command(
            c, tx,
            $"""
            insert into tenants ({Columns}) values (@name, @product, @version, @size, @backend, @host, @status, @endpoint, @port, @secrets, @error, @created, @updated, @pinned, @expires, @window)
            on conflict (name) do update set product = excluded.product, version = excluded.version, size = excluded.size,
              backend = excluded.backend, host = excluded.host, status = excluded.status, endpoint = excluded.endpoint,
              host_port = excluded.host_port, secrets = excluded.secrets, last_error = excluded.last_error, updated_at = excluded.updated_at,
              pinned_version = excluded.pinned_version, expires_at = excluded.expires_at,
              maintenance_window = excluded.maintenance_window
            """,
            ("name", t.Name), ("product", t.Product), ("version", t.Version), ("size", t.Size), ("backend", t.Backend.Name), ("host", t.Host),
            ("status", t.Status), ("secrets", t.EncryptedSecrets), ("created", RegistryTime.Normalize(t.CreatedAt)), ("updated", RegistryTime.Normalize(t.UpdatedAt)));
        cmd.Parameters.Add(new NpgsqlParameter("endpoint", NpgsqlDbType.Text) { Value = (object?)t.Endpoint ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("port", NpgsqlDbType.Integer) { Value = (object?)t.HostPort ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)t.LastError ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("pinned", NpgsqlDbType.Text) { Value = (object?)t.PinnedVersion ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("expires", NpgsqlDbType.TimestampTz) { Value = t.ExpiresAt is { } expires ? RegistryTime.Normalize(expires) : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("window", NpgsqlDbType.Text) { Value = (object?)t.MaintenanceWindow ?? DBNull.Value });
        return cmd;
    }

    private static TenantRecord Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Core.Backends.BackendKind.Of(r.GetString(4)), r.GetString(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetInt32(8),
        r.GetFieldValue<byte[]>(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.GetFieldValue<DateTimeOffset>(11),
        r.GetFieldValue<DateTimeOffset>(12))
    {
        PinnedVersion = r.IsDBNull(13) ? null : r.GetString(13),
        ExpiresAt = r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14),
        MaintenanceWindow = r.IsDBNull(15) ? null : r.GetString(15),
    };
}
