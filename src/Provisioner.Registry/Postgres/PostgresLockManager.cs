using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;
using Provisioner.Registry.Locks;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// Locks that hold across machines: a PostgreSQL advisory lock on a key derived from the resource name, taken with
/// <c>pg_try_advisory_lock</c> (a conflict is refused at once, never waited for) on a connection of its own that stays
/// open while the lock is held, so the lock dies with the process or its connection. The holder's row (user, host, pid,
/// command, since) is written while holding the lock, for the refusal's message.
/// </summary>
internal sealed class PostgresLockManager(PostgresDatabase db, TimeProvider time, ILogger log) : ILockManager
{
    public IDisposable Acquire(string resource, string purpose)
    {
        var started = Stopwatch.GetTimestamp();
        var key = AdvisoryKey.For(resource);
        var holder = LockHolder.Current(purpose, RegistryTime.Now(time));
        var connection = db.OpenLockConnection();
        try
        {
            return PostgresFaults.Guard(db.Location, () =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    if (TryLock(connection, key))
                    {
                        WriteHolder(connection, resource, key, holder);
                        var lease = new PostgresLease(connection, resource, key, db.Leases, log);
                        db.Leases.Add(lease);
                        log.LogDebug("Took the lock on {Resource} in the registry at {Registry}", resource, db.Location.Display);
                        return lease;
                    }

                    // Null: the holder let go between our attempt and our look; try again (a few times at most).
                    var named = LockHolderReader.Read(connection, resource, key);
                    if (named is not null || attempt == 3)
                    {
                        log.LogInformation(
                            "Refused the lock on {Resource} after {ElapsedMs} ms: locked by {Holder}",
                            resource, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, named ?? "another client");
                        throw new LockHeldException(resource, named ?? "another client of the registry");
                    }
                }
            });
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool TryLock(NpgsqlConnection c, long key)
    {
        using var cmd = PostgresDatabase.Command(c, "select pg_try_advisory_lock(@k)", ("k", key));
        return (bool)cmd.ExecuteScalar()!;
    }

    private static void WriteHolder(NpgsqlConnection c, string resource, long key, LockHolder holder)
    {
        using var cmd = PostgresDatabase.Command(
            c,
            """
            insert into lock_holders (resource, lock_key, holder_user, host, pid, command, since, backend_pid)
            values (@r, @k, @u, @h, @p, @c, @s, pg_backend_pid())
            on conflict (resource) do update set lock_key = excluded.lock_key, holder_user = excluded.holder_user, host = excluded.host,
              pid = excluded.pid, command = excluded.command, since = excluded.since, backend_pid = excluded.backend_pid
            """,
            ("r", resource), ("k", key), ("u", holder.User ?? ""), ("h", holder.Machine), ("p", holder.Pid), ("c", holder.Purpose), ("s", holder.Since));
        cmd.ExecuteNonQuery();
    }
}
