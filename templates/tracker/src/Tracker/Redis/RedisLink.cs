namespace Tracker.Redis;

/// <summary>
/// One Redis connection shared by the web's requests: opened on first use, one command at a time,
/// dropped when it breaks and opened again by the next caller.
/// </summary>
internal sealed class RedisLink(string host, int port) : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim gate = new(1, 1);
    private RespConnection? connection;

    public string Endpoint => $"{host}:{port}";

    public async Task<T> UseAsync<T>(Func<RespConnection, CancellationToken, Task<T>> command, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (connection is null or { Broken: true })
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }

                connection = null;
                connection = await RespConnection.ConnectAsync(host, port, ConnectTimeout, ct).ConfigureAwait(false);
            }

            return await command(connection, ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        gate.Dispose();
    }
}
