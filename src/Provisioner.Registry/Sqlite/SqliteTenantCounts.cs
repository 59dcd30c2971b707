using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Sqlite;

/// <summary>Counts tenants by host, template and size in SQL, so a capacity report over thousands of tenants reads a few rows.</summary>
internal sealed class SqliteTenantCounts(string path) : ITenantCounts
{
    private readonly SqliteDatabase _db = new(path);

    public async Task<IReadOnlyList<TenantGroup>> CountAsync(CancellationToken ct)
    {
        await using var c = await _db.OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            select host, product || '@' || version, size, count(*) from tenants
            where status <> $destroyed group by host, product, version, size order by host, product, version, size
            """;
        cmd.Parameters.AddWithValue("$destroyed", TenantStatus.Destroyed);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var groups = new List<TenantGroup>();
        while (await r.ReadAsync(ct))
        {
            groups.Add(new TenantGroup(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)));
        }

        return groups;
    }
}
