using Provisioner.Core.Maintenance;

namespace Provisioner.Registry.Postgres;

/// <summary>The fleet's freeze in the shared registry (table <c>fleet_freeze</c>, one row at most): every operator sees it.</summary>
internal sealed class PostgresFleetFreeze(PostgresDatabase db) : IFleetFreezeStore
{
    public Task<FleetFreeze?> GetAsync(CancellationToken cancellationToken) =>
        db.RunAsync<FleetFreeze?>(async c =>
        {
            await using var cmd = PostgresDatabase.Command(c, "select until, reason, set_by, set_at from fleet_freeze where id = 1");
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            return await r.ReadAsync(cancellationToken)
                ? new FleetFreeze(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3))
                : null;
        }, cancellationToken);

    public Task SetAsync(FleetFreeze freeze, CancellationToken cancellationToken) =>
        db.RunAsync(async c =>
        {
            await using var cmd = PostgresDatabase.Command(
                c,
                """
                insert into fleet_freeze (id, until, reason, set_by, set_at) values (1, @until, @reason, @by, @at)
                on conflict (id) do update set until = excluded.until, reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at
                """,
                ("until", RegistryTime.Normalize(freeze.Until)), ("reason", freeze.Reason), ("by", freeze.SetBy), ("at", RegistryTime.Normalize(freeze.SetAt)));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> ClearAsync(CancellationToken cancellationToken) =>
        db.RunAsync(async c =>
        {
            await using var cmd = PostgresDatabase.Command(c, "delete from fleet_freeze");
            return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);
}
