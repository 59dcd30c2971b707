using Npgsql;
using Provisioner.Registry.Locks;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// Names the holder of an advisory lock for the refusal: the server says which session holds the key (<c>pg_locks</c>);
/// the <c>lock_holders</c> row written by that same session says who it is. A row left by a session that no longer holds
/// the lock (a killed process) is stale and never named.
/// </summary>
internal static class LockHolderReader
{
    private const string Sql = """
        select l.pid, h.holder_user, h.host, h.pid, h.command, h.since, a.application_name, a.backend_start
        from pg_locks l
        left join lock_holders h on h.resource = @r and h.backend_pid = l.pid
        left join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.objsubid = 1
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = @hi::bigint::oid and l.objid = @lo::bigint::oid
        """;

    /// <summary>The holder, or null when nobody holds the lock any more (it was released meanwhile).</summary>
    public static string? Read(NpgsqlConnection c, string resource, long key)
    {
        var (hi, lo) = AdvisoryKey.Halves(key);
        for (var attempt = 1; ; attempt++)
        {
            using var cmd = PostgresDatabase.Command(c, Sql, ("r", resource), ("hi", hi), ("lo", lo));
            using var r = cmd.ExecuteReader();
            if (!r.Read())
            {
                return null;
            }

            if (!r.IsDBNull(1))
            {
                return new LockHolder(r.GetInt32(3), r.GetString(4), r.GetString(2), r.GetFieldValue<DateTimeOffset>(5), r.GetString(1)).ToString();
            }

            // The holder took the lock but has not written its row yet (a few milliseconds): look again, briefly.
            if (attempt == 5)
            {
                var application = r.IsDBNull(6) ? "another client" : r.GetString(6);
                var since = r.IsDBNull(7) ? "" : $", since {r.GetFieldValue<DateTimeOffset>(7).ToUniversalTime():u}";
                return $"{application} (registry session {r.GetInt32(0)}{since})";
            }

            r.Close();
            Thread.Sleep(40);
        }
    }
}
