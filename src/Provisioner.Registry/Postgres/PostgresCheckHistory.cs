using Provisioner.Core.Checks;
using Provisioner.Registry.Checks;

namespace Provisioner.Registry.Postgres;

/// <summary>Check results in the shared registry (table <c>check_results</c>): appended and pruned to the newest N per tenant in one transaction.</summary>
internal sealed class PostgresCheckHistory(PostgresDatabase db) : ICheckHistory
{
    private const string Columns = "tenant, checked_at, state, product, version, size, backend, reason, checks";

    public Task AppendAsync(TenantCheck result, int keep, CancellationToken ct) =>
        db.InTransactionAsync(async (c, tx) =>
        {
            await using (var insert = PostgresDatabase.Command(
                c, tx, $"insert into check_results ({Columns}) values (@tenant, @at, @state, @product, @version, @size, @backend, @reason::text, @checks)",
                ("tenant", result.Tenant), ("at", RegistryTime.Normalize(result.At)), ("state", result.State), ("product", result.Product),
                ("version", result.Version), ("size", result.Size), ("backend", result.Backend), ("reason", result.Reason), ("checks", CheckListJson.Write(result.Checks))))
            {
                await insert.ExecuteNonQueryAsync(ct);
            }

            await using var prune = PostgresDatabase.Command(
                c, tx,
                "delete from check_results where tenant = @tenant and id not in (select id from check_results where tenant = @tenant order by id desc limit @keep)",
                ("tenant", result.Tenant), ("keep", keep));
            await prune.ExecuteNonQueryAsync(ct);
            return true;
        }, ct);

    public Task<IReadOnlyList<TenantCheck>> RecentAsync(string tenant, int count, CancellationToken ct) =>
        db.RunAsync<IReadOnlyList<TenantCheck>>(async c =>
        {
            await using var cmd = PostgresDatabase.Command(
                c, $"select {Columns} from check_results where tenant = @tenant order by id desc limit @count", ("tenant", tenant), ("count", count));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var list = new List<TenantCheck>();
            while (await r.ReadAsync(ct))
            {
                list.Add(new TenantCheck(
                    r.GetString(0), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), CheckListJson.Read(r.GetString(8)), r.IsDBNull(7) ? null : r.GetString(7)));
            }

            return list;
        }, ct);
}
