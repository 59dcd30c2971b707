using Microsoft.Extensions.Logging;
using Npgsql;

namespace Provisioner.Registry.Postgres;

/// <summary>
/// One client of a shared PostgreSQL registry: a connection pool for reads and writes, the schema migrated on first use,
/// and the locks this client holds (each on its own connection, verified before every statement so that a database
/// restart, which drops them, stops the operation instead of letting it write without its lock).
/// </summary>
internal sealed class PostgresDatabase : IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly ILogger _log;
    private readonly object _gate = new();
    private Task? _migration;

    public PostgresDatabase(PostgresLocation location, ILogger log)
    {
        Location = location;
        _log = log;
        _source = Build(location.ConnectionString);
        Leases = new PostgresLeases(location, log, ServerWentAway);
    }

    public PostgresLocation Location { get; }

    public PostgresLeases Leases { get; }

    /// <summary>
    /// Tells this client's journal rows from every other's: a running operation of another client is one that died. It
    /// changes when the server goes away, since this client's operations then lost their locks and died too.
    /// </summary>
    public string ClientId { get; private set; } = Guid.NewGuid().ToString("N");

    public Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct) =>
        PostgresFaults.GuardAsync(Location, async () =>
        {
            await EnsureMigratedAsync(ct);
            await Leases.VerifyAsync(ct);
            try
            {
                await using var c = await _source.OpenConnectionAsync(ct);
                return await work(c);
            }
            catch (NpgsqlException e) when (PostgresFaults.Map(e, Location) is RegistryUnreachableException)
            {
                ServerWentAway();
                throw;
            }
        });

    public Task RunAsync(Func<NpgsqlConnection, Task> work, CancellationToken ct) =>
        RunAsync<bool>(async c => { await work(c); return true; }, ct);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of its rows are written, or none.</summary>
    public Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct) =>
        RunAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            var result = await work(c, tx);
            await tx.CommitAsync(ct);
            return result;
        }, ct);

    /// <summary>
    /// A connection for one advisory lock, taken out of the pool for as long as the lock is held (a new connection costs a
    /// server process and a login; a CLI run usually has an idle one by then). The lease unlocks before giving it back, the
    /// pool's reset (<c>DISCARD ALL</c>) unlocks anything left, and the process dying ends the session and its locks.
    /// </summary>
    public NpgsqlConnection OpenLockConnection() => PostgresFaults.Guard(Location, () =>
    {
        EnsureMigratedAsync(CancellationToken.None).GetAwaiter().GetResult();
        var connection = _source.CreateConnection();
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    });

    /// <summary>
    /// The registry uses only built-in types, so the server's type catalog is not loaded (that query is most of a new
    /// client's first connection, and a CLI process is a new client).
    /// </summary>
    private static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        return builder.Build();
    }

    public static NpgsqlCommand Command(NpgsqlConnection c, string sql, params (string Name, object? Value)[] args) =>
        Command(c, null, sql, args);

    public static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = new NpgsqlCommand(sql, c, tx);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    /// <summary>
    /// The server went away (a restart drops every session): the pool's idle connections are dead too, so the next
    /// statement, e.g. the rerun in a long-lived process, opens fresh ones instead of failing on a stale one; and the
    /// operations this client had running are over (see <see cref="ClientId"/>).
    /// </summary>
    private void ServerWentAway()
    {
        _source.Clear();
        ClientId = Guid.NewGuid().ToString("N");
    }

    private Task EnsureMigratedAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            // A failed attempt (the server was down) is retried by the next statement rather than remembered.
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = PostgresMigrator.ApplyAsync(_source, Location, _log, CancellationToken.None);
            }

            return _migration.WaitAsync(ct);
        }
    }

    public void Dispose()
    {
        Leases.Dispose();
        _source.Dispose();
    }
}
