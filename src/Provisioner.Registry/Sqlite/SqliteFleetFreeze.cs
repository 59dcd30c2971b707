using System.Globalization;
using Provisioner.Core.Maintenance;

namespace Provisioner.Registry.Sqlite;

/// <summary>The fleet's freeze in the registry file (table <c>fleet_freeze</c>, one row at most).</summary>
internal sealed class SqliteFleetFreeze(string path) : IFleetFreezeStore
{
    private readonly SqliteDatabase _db = new(path);

    public async Task<FleetFreeze?> GetAsync(CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select until, reason, set_by, set_at from fleet_freeze where id = 1";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new FleetFreeze(Instant(r.GetString(0)), r.GetString(1), r.GetString(2), Instant(r.GetString(3)))
            : null;
    }

    public async Task SetAsync(FleetFreeze freeze, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            insert into fleet_freeze (id, until, reason, set_by, set_at) values (1, $until, $reason, $by, $at)
            on conflict(id) do update set until = excluded.until, reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at
            """;
        cmd.Parameters.AddWithValue("$until", RegistryTime.Text(freeze.Until));
        cmd.Parameters.AddWithValue("$reason", freeze.Reason);
        cmd.Parameters.AddWithValue("$by", freeze.SetBy);
        cmd.Parameters.AddWithValue("$at", RegistryTime.Text(freeze.SetAt));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ClearAsync(CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "delete from fleet_freeze";
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
