using System.Globalization;
using Microsoft.Data.Sqlite;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Faults;

namespace Provisioner.Registry.Sqlite;

/// <summary>The default registry: one SQLite file (WAL) under <c>$PROVISIONER_HOME</c>.</summary>
internal sealed class SqliteTenantRegistry : ITenantRegistry
{
    internal const string Columns = "name, product, version, size, backend, host, status, endpoint, host_port, secrets, last_error, created_at, updated_at, pinned_version, expires_at, maintenance_window";
    private readonly SqliteDatabase _db;

    public SqliteTenantRegistry(string path)
    {
        _db = new SqliteDatabase(path);
        Journal = StepFaults.Around(new SqliteOperationJournal(_db));
    }

    public IOperationJournal Journal { get; }

    public async Task<TenantRecord?> GetAsync(string name, CancellationToken ct = default)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"select {Columns} from tenants where name = $name";
        cmd.Parameters.AddWithValue("$name", name);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"select {Columns} from tenants order by name";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<TenantRecord>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task SaveAsync(TenantRecord tenant, CancellationToken ct = default)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = Upsert(c, tenant);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task DeleteAsync(string name, CancellationToken ct = default)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "delete from tenants where name = $name";
        cmd.Parameters.AddWithValue("$name", name);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<TenantRecord> SaveWithNewPortAsync(TenantRecord tenant, int first, int last, Func<int, bool> isFree, CancellationToken ct = default)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        var taken = new HashSet<int>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "select host_port from tenants where host_port is not null and name <> $name";
            cmd.Parameters.AddWithValue("$name", tenant.Name);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                taken.Add(reader.GetInt32(0));
            }
        }

        for (var port = first; port <= last; port++)
        {
            if (taken.Contains(port) || !isFree(port))
            {
                continue;
            }

            var saved = tenant with { HostPort = port };
            await using var upsert = Upsert(c, saved);
            await upsert.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return saved;
        }

        throw new ProvisionerException(
            $"no free port left in {first}-{last} for {tenant.Name}", ExitCodes.CapacityNo, "widen ports.first/ports.last in provisioner.yaml or destroy unused tenants");
    }

    internal static SqliteCommand Upsert(SqliteConnection c, TenantRecord t)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            insert into tenants ({Columns}) values ($name, $product, $version, $size, $backend, $host, $status, $endpoint, $port, $secrets, $error, $created, $updated, $pinned, $expires, $window)
            on conflict(name) do update set product = excluded.product, version = excluded.version, size = excluded.size,
              backend = excluded.backend, host = excluded.host, status = excluded.status, endpoint = excluded.endpoint,
              host_port = excluded.host_port, secrets = excluded.secrets, last_error = excluded.last_error, updated_at = excluded.updated_at,
              pinned_version = excluded.pinned_version, expires_at = excluded.expires_at,
              maintenance_window = excluded.maintenance_window
            """;
        cmd.Parameters.AddWithValue("$name", t.Name);
        cmd.Parameters.AddWithValue("$product", t.Product);
        cmd.Parameters.AddWithValue("$version", t.Version);
        cmd.Parameters.AddWithValue("$size", t.Size);
        cmd.Parameters.AddWithValue("$backend", t.Backend.Name);
        cmd.Parameters.AddWithValue("$host", t.Host);
        cmd.Parameters.AddWithValue("$status", t.Status);
        cmd.Parameters.AddWithValue("$endpoint", (object?)t.Endpoint ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$port", (object?)t.HostPort ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$secrets", t.EncryptedSecrets);
        cmd.Parameters.AddWithValue("$error", (object?)t.LastError ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$created", RegistryTime.Text(t.CreatedAt));
        cmd.Parameters.AddWithValue("$updated", RegistryTime.Text(t.UpdatedAt));
        cmd.Parameters.AddWithValue("$pinned", (object?)t.PinnedVersion ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$expires", t.ExpiresAt is { } expires ? RegistryTime.Text(expires) : DBNull.Value);
        cmd.Parameters.AddWithValue("$window", (object?)t.MaintenanceWindow ?? DBNull.Value);
        return cmd;
    }

    private static TenantRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Core.Backends.BackendKind.Of(r.GetString(4)), r.GetString(5), r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetInt32(8),
        (byte[])r.GetValue(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        DateTimeOffset.Parse(r.GetString(11), CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(r.GetString(12), CultureInfo.InvariantCulture))
    {
        PinnedVersion = r.IsDBNull(13) ? null : r.GetString(13),
        ExpiresAt = r.IsDBNull(14) ? null : DateTimeOffset.Parse(r.GetString(14), CultureInfo.InvariantCulture),
        MaintenanceWindow = r.IsDBNull(15) ? null : r.GetString(15),
    };
}
