using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Postgres;

/// <summary>Counts the shared registry's live tenants by host, template and size in SQL (a few rows at thousands of tenants).</summary>
internal sealed class PostgresTenantCounts(PostgresDatabase db) : ITenantCounts
{
    public Task<IReadOnlyList<TenantGroup>> CountAsync(CancellationToken ct) =>
        db.RunAsync<IReadOnlyList<TenantGroup>>(async c =>
        {
            await using var cmd = PostgresDatabase.Command(
                c,
                """
                select host, product || '@' || version, size, count(*)::integer from tenants where status <> @destroyed
                group by host, product, version, size order by host collate "C", product collate "C", version collate "C", size collate "C"
                """,
                ("destroyed", TenantStatus.Destroyed));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var groups = new List<TenantGroup>();
            while (await r.ReadAsync(ct))
            {
                groups.Add(new TenantGroup(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)));
            }

            return groups;
        }, ct);
}
