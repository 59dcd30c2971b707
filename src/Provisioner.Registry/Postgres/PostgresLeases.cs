using Microsoft.Extensions.Logging;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// The advisory locks this client holds. Before every registry statement each is checked on its own connection: a lock
/// lost with its connection (the database restarted, or an administrator ended the session) stops the operation with a
/// clear error instead of letting it carry on unlocked. A lost lock means the server went away, so
/// <c>serverWentAway</c> drops the pool's idle connections (dead too) and the rerun starts on fresh ones.
/// </summary>
internal sealed class PostgresLeases(PostgresLocation location, ILogger log, Action serverWentAway) : IDisposable
{
    private readonly object _gate = new();
    private readonly HashSet<PostgresLease> _held = [];

    public void Add(PostgresLease lease)
    {
        lock (_gate)
        {
            _held.Add(lease);
        }
    }

    public void Remove(PostgresLease lease)
    {
        lock (_gate)
        {
            _held.Remove(lease);
        }
    }

    public async Task VerifyAsync(CancellationToken ct)
    {
        PostgresLease[] held;
        lock (_gate)
        {
            held = [.. _held];
        }

        foreach (var lease in held)
        {
            if (!await lease.IsAliveAsync(ct))
            {
                log.LogError("Lost the lock on {Resource}: its connection to the registry at {Registry} broke", lease.Resource, location.Display);
                serverWentAway();
                throw new RegistryUnreachableException(
                    location.Endpoint, $"the connection holding the lock on {lease.Resource} broke, so the lock is gone");
            }
        }
    }

    public void Dispose()
    {
        PostgresLease[] held;
        lock (_gate)
        {
            held = [.. _held];
        }

        foreach (var lease in held)
        {
            lease.Dispose();
        }
    }
}
