using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// One held advisory lock and the connection that holds it. Disposing removes the holder row and unlocks, then closes
/// the connection; if the process dies instead, the server ends the session and the lock goes with it.
/// </summary>
internal sealed class PostgresLease(NpgsqlConnection connection, string resource, long key, PostgresLeases owner, ILogger log) : IDisposable
{
    /// <summary>A lease seen alive this recently is not asked again (a fleet holding hundreds of locks would otherwise ask each before every statement).</summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _aliveAt; // never: the first statement after taking the lock asks
    private bool _lost;
    private bool _disposed;

    public string Resource => resource;

    /// <summary>True while the connection (and so the lock) is alive; one round trip unless it was seen alive just now.</summary>
    public async Task<bool> IsAliveAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_disposed || _lost)
            {
                return _disposed;
            }

            if (Stopwatch.GetElapsedTime(_aliveAt) < Fresh)
            {
                return true;
            }

            await using var cmd = new NpgsqlCommand("select 1", connection);
            await cmd.ExecuteScalarAsync(ct);
            _aliveAt = Stopwatch.GetTimestamp();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            _lost = true;
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            owner.Remove(this);
            if (!_lost)
            {
                Release();
            }

            connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Release()
    {
        try
        {
            using var cmd = PostgresDatabase.Command(
                connection,
                "delete from lock_holders where resource = @r and backend_pid = pg_backend_pid(); select pg_advisory_unlock(@k)",
                ("r", resource), ("k", key));
            cmd.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The connection is gone, and the lock with it; closing it below is all that is left to do.
            log.LogWarning("Releasing the lock on {Resource}: its connection had already broken ({Error})", resource, e.Message);
        }
    }
}
