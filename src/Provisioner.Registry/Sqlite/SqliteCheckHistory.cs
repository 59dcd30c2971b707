using System.Globalization;
using Provisioner.Core.Checks;
using Provisioner.Registry.Checks;

namespace Provisioner.Registry.Sqlite;

/// <summary>Check results in the registry file (table <c>check_results</c>): appended and pruned to the newest N per tenant in one transaction.</summary>
internal sealed class SqliteCheckHistory(string path) : ICheckHistory
{
    private const string Columns = "tenant, checked_at, state, product, version, size, backend, reason, checks";

    private readonly SqliteDatabase _db = new(path);

    public async Task AppendAsync(TenantCheck result, int keep, CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var tx = c.BeginTransaction();
        await using (var insert = c.CreateCommand())
        {
            insert.CommandText = $"insert into check_results ({Columns}) values ($tenant, $at, $state, $product, $version, $size, $backend, $reason, $checks)";
            insert.Parameters.AddWithValue("$tenant", result.Tenant);
            insert.Parameters.AddWithValue("$at", RegistryTime.Text(result.At));
            insert.Parameters.AddWithValue("$state", result.State);
            insert.Parameters.AddWithValue("$product", result.Product);
            insert.Parameters.AddWithValue("$version", result.Version);
            insert.Parameters.AddWithValue("$size", result.Size);
            insert.Parameters.AddWithValue("$backend", result.Backend);
            insert.Parameters.AddWithValue("$reason", (object?)result.Reason ?? DBNull.Value);
            insert.Parameters.AddWithValue("$checks", CheckListJson.Write(result.Checks));
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var prune = c.CreateCommand())
        {
            prune.CommandText = "delete from check_results where tenant = $tenant and id not in (select id from check_results where tenant = $tenant order by id desc limit $keep)";
            prune.Parameters.AddWithValue("$tenant", result.Tenant);
            prune.Parameters.AddWithValue("$keep", keep);
            await prune.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<TenantCheck>> RecentAsync(string tenant, int count, CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"select {Columns} from check_results where tenant = $tenant order by id desc limit $count";
        cmd.Parameters.AddWithValue("$tenant", tenant);
        cmd.Parameters.AddWithValue("$count", count);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<TenantCheck>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new TenantCheck(
                r.GetString(0), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), CheckListJson.Read(r.GetString(8)), r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return list;
    }
}
