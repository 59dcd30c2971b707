using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Tracker.Redis;

/// <summary>
/// A minimal Redis client over one TCP connection (RESP2): PING, LPUSH, BRPOP, SET, GET. Not thread-safe: one command at a time.
/// Every command has a timeout; a timeout, a cancelled command or an I/O error leaves the connection <see cref="Broken"/>
/// (the reply may still arrive), so the caller disposes it and connects again. An error reply does not break it.
/// </summary>
internal sealed class RespConnection : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly RespReader reader;

    private RespConnection(Socket socket, string endpoint)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: true);
        reader = new RespReader(stream);
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public bool Broken { get; private set; }

    public static async Task<RespConnection> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken ct)
    {
        var endpoint = $"{host}:{port}";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
            return new RespConnection(socket, endpoint);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new RedisException($"cannot connect to redis {endpoint}: no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new RedisException($"cannot connect to redis {endpoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task PingAsync(CancellationToken ct)
    {
        var reply = await ExecuteAsync(["PING"], DefaultTimeout, ct).ConfigureAwait(false);
        if (reply is not { Kind: RespKind.SimpleString, Text: "PONG" })
        {
            throw Unexpected("PING", reply);
        }
    }

    /// <summary>LPUSH: returns the list's length after the push.</summary>
    public async Task<long> LPushAsync(string key, string value, CancellationToken ct)
    {
        var reply = await ExecuteAsync(["LPUSH", key, value], DefaultTimeout, ct).ConfigureAwait(false);
        return reply.Kind == RespKind.Integer ? reply.Integer : throw Unexpected("LPUSH", reply);
    }

    /// <summary>BRPOP on one key: the popped value, or null when nothing arrived within <paramref name="seconds"/>.</summary>
    public async Task<string?> BRPopAsync(string key, int seconds, CancellationToken ct)
    {
        // The server answers nil after the blocking timeout; allow it that long plus the usual margin.
        var reply = await ExecuteAsync(
            ["BRPOP", key, seconds.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(seconds) + DefaultTimeout, ct).ConfigureAwait(false);
        return reply switch
        {
            { Kind: RespKind.Nil } => null,
            { Kind: RespKind.Array, Items: [_, { Kind: RespKind.BulkString, Text: var value }] } => value,
            _ => throw Unexpected("BRPOP", reply),
        };
    }

    public async Task SetAsync(string key, string value, CancellationToken ct)
    {
        var reply = await ExecuteAsync(["SET", key, value], DefaultTimeout, ct).ConfigureAwait(false);
        if (reply is not { Kind: RespKind.SimpleString, Text: "OK" })
        {
            throw Unexpected("SET", reply);
        }
    }

    /// <summary>GET: the value, or null when the key does not exist.</summary>
    public async Task<string?> GetAsync(string key, CancellationToken ct)
    {
        var reply = await ExecuteAsync(["GET", key], DefaultTimeout, ct).ConfigureAwait(false);
        return reply.Kind switch
        {
            RespKind.Nil => null,
            RespKind.BulkString => reply.Text,
            _ => throw Unexpected("GET", reply),
        };
    }

    /// <summary>Sends one command (as an array of bulk strings) and reads its reply. An error reply throws <see cref="RedisException"/>.</summary>
    public async Task<RespReply> ExecuteAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken ct)
    {
        if (Broken)
        {
            throw new RedisException($"redis {Endpoint}: connection is broken, connect again");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        RespReply reply;
        try
        {
            await stream.WriteAsync(Encode(command), deadline.Token).ConfigureAwait(false);
            reply = await reader.ReadAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Broken = true;
            throw new RedisException($"redis {Endpoint}: no reply to {command[0]} within {timeout.TotalSeconds:0.#} s");
        }
        catch (OperationCanceledException)
        {
            Broken = true;
            throw;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Broken = true;
            throw new RedisException($"redis {Endpoint}: {command[0]} failed: {e.Message}", e);
        }
        catch (RedisException)
        {
            Broken = true;   // a protocol error: the stream's position is unknown
            throw;
        }

        return reply.Kind == RespKind.Error
            ? throw new RedisException($"redis {Endpoint}: {command[0]}: {reply.Text}")
            : reply;
    }

    public ValueTask DisposeAsync()
    {
        Broken = true;
        socket.Dispose();
        return stream.DisposeAsync();
    }

    // *<n>\r\n then $<len>\r\n<bytes>\r\n per argument.
    private static byte[] Encode(IReadOnlyList<string> command)
    {
        var builder = new MemoryStream();
        Write(builder, $"*{command.Count}\r\n");
        foreach (var argument in command)
        {
            var bytes = Encoding.UTF8.GetBytes(argument);
            Write(builder, $"${bytes.Length}\r\n");
            builder.Write(bytes);
            Write(builder, "\r\n");
        }

        return builder.ToArray();
    }

    private static void Write(MemoryStream target, string ascii) => target.Write(Encoding.ASCII.GetBytes(ascii));

    private RedisException Unexpected(string command, RespReply reply) =>
        new($"redis {Endpoint}: unexpected reply to {command}: {reply}");
}
