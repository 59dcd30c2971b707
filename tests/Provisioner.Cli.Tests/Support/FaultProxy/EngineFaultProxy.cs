using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Provisioner.Cli.Tests.Support.FaultProxy;

/// <summary>
/// A Unix socket in front of the Docker engine's that, from a seed, answers a share of calls with <c>500</c>, resets
/// their connection, delays them, or cuts the engine's answer off partway (<see cref="EngineFault"/>); every other call
/// goes through unchanged (streamed answers and hijacked exec streams included). Point <c>DOCKER_HOST</c> at
/// <see cref="Address"/>. Each call gets its own connection, to the client and to the engine.
/// </summary>
public sealed partial class EngineFaultProxy : IAsyncDisposable
{
    private static readonly EngineFault[] Kinds = [EngineFault.Error500, EngineFault.Reset, EngineFault.Delay, EngineFault.Truncate];
    private readonly string _engineSocket;
    private readonly double _share;
    private readonly Random _random;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Dictionary<string, DateTime> _faultedAt = [];
    private readonly Dictionary<string, EngineFault> _faultKinds = [];
    private readonly string _folder;

    public EngineFaultProxy(int seed, double share, string engineSocket = "/var/run/docker.sock")
    {
        _engineSocket = engineSocket;
        _share = share;
        _random = new Random(seed);
        _folder = Directory.CreateTempSubdirectory("fault-proxy-").FullName;
        var path = Path.Combine(_folder, "docker.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen(64);
        Address = "unix://" + path;
        _accepting = AcceptAsync();
    }

    /// <summary>For <c>DOCKER_HOST</c>.</summary>
    public string Address { get; }

    public EngineFaultStats Stats { get; } = new();

    /// <summary>Calls whose answer has not been passed on whole yet (for a hang's report): method, path, fault.</summary>
    public IReadOnlyCollection<string> Open => _open.Values.ToList();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _open = new();
    private int _next;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _recent = new();

    /// <summary>The last calls finished (for a hang's report).</summary>
    public IReadOnlyCollection<string> Recent => _recent.ToList();

    /// <summary>Faults stop (every call goes through) while this is false.</summary>
    public bool Enabled { get; set; } = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptAsync(_stop.Token);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(Task.Run(() => ServeAsync(client)));
            }
        }
        finally
        {
            await Task.WhenAll(connections);
        }
    }

    /// <summary>One client connection: one call (the answer closes it), on a new engine connection.</summary>
    private async Task ServeAsync(Socket client)
    {
        var ct = _stop.Token;
        await using var clientStream = new NetworkStream(client, ownsSocket: true);
        var fromClient = new HttpWireReader(clientStream);
        try
        {
            while (await fromClient.ReadHeadAsync(ct) is { } call)
            {
                var id = Interlocked.Increment(ref _next);
                _open[id] = $"{call.Method} {call.Target} (reading its body)";
                try
                {
                    var body = new MemoryStream();
                    await fromClient.CopyBodyAsync(call, body, isAnswerToHead: false, ct);
                    var fault = Decide(call, body);
                    _open[id] = $"{call.Method} {call.Target} ({fault})";
                    if (!await PassAsync(client, clientStream, fromClient, call, body, fault, ct))
                    {
                        return;
                    }
                }
                finally
                {
                    _open.TryRemove(id, out var what);
                    _recent.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}");
                    while (_recent.Count > 12 && _recent.TryDequeue(out _))
                    {
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client or the engine went away: so does this connection
        }
    }

    /// <summary>Carries one call out (or the fault instead); false when the connection is finished with.</summary>
    private async Task<bool> PassAsync(Socket client, Stream clientStream, HttpWireReader fromClient, HttpWireHead call, MemoryStream body, EngineFault fault, CancellationToken ct)
    {
        switch (fault)
        {
            case EngineFault.Error500:
                var text = "{\"message\":\"fault proxy: injected error\"}";
                await clientStream.WriteAsync(Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: {text.Length}\r\nConnection: close\r\n\r\n{text}"), ct);
                await clientStream.FlushAsync(ct);
                return false;
            case EngineFault.Reset:
                Reset(client);
                return false;
            case EngineFault.Delay:
                await Task.Delay(TimeSpan.FromMilliseconds(Next(100, 1500)), ct);
                break;
        }

        using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await engine.ConnectAsync(new UnixDomainSocketEndPoint(_engineSocket), ct);
        await using var engineStream = new NetworkStream(engine, ownsSocket: false);
        await engineStream.WriteAsync(Encoding.ASCII.GetBytes(call.Raw), ct);
        body.Position = 0;
        await body.CopyToAsync(engineStream, ct);
        await engineStream.FlushAsync(ct);
        var fromEngine = new HttpWireReader(engineStream);

        if (call.Upgrade)
        {
            // A hijacked exec or attach stream: raw bytes both ways, each side's end passed on as a half-close.
            if (fault == EngineFault.Truncate)
            {
                await fromEngine.CopySomeAsync(16, clientStream, ct);
                Reset(client);
                return false;
            }

            await Task.WhenAll(
                PipeAsync(fromEngine, clientStream, client, ct),
                PipeAsync(fromClient, engineStream, engine, ct));
            return false;
        }

        var answer = await fromEngine.ReadHeadAsync(ct) ?? throw new IOException("the engine closed without answering");
        await clientStream.WriteAsync(Encoding.ASCII.GetBytes(answer.Status == 101 ? answer.Raw : answer.WithConnectionClose()), ct);
        if (answer.Status == 101)
        {
            await Task.WhenAll(PipeAsync(fromEngine, clientStream, client, ct), PipeAsync(fromClient, engineStream, engine, ct));
            return false;
        }

        if (fault == EngineFault.Truncate)
        {
            await fromEngine.CopySomeAsync((int)Math.Min(answer.ContentLength / 2 ?? 16, 16), clientStream, ct);
            Reset(client);
            return false;
        }

        // One call per client connection: the answer says so (Connection: close), and the client opens a new one for the next.
        await fromEngine.CopyBodyAsync(answer, clientStream, call.Method == "HEAD", ct);
        return false;
    }

    private static async Task PipeAsync(HttpWireReader from, Stream to, Socket toSocket, CancellationToken ct)
    {
        try
        {
            await from.CopyToEndAsync(to, ct);
            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    private EngineFault Decide(HttpWireHead call, MemoryStream body)
    {
        // An exec's create is left out: a check polls with it (a psql exec every few hundred ms while a database comes up),
        // so after a fault the next poll sends it again by design, and an exec that is never started changes nothing.
        var key = call.Idempotent || ExecCreate().IsMatch(call.Target) ? null : $"{call.Method} {call.Target} {Convert.ToHexString(SHA256.HashData(body.ToArray()))}";
        lock (_random)
        {
            var now = DateTime.UtcNow;
            if (key is not null && _faultedAt.TryGetValue(key, out var at) && now - at < TimeSpan.FromMilliseconds(500))
            {
                Stats.RecordRetry($"{call.Method} {call.Target} ({_faultKinds[key]} {(now - at).TotalMilliseconds:0} ms before)");
            }

            var fault = Enabled && _random.NextDouble() < _share ? Kinds[_random.Next(Kinds.Length)] : EngineFault.None;
            if (key is not null && fault is not (EngineFault.None or EngineFault.Delay))
            {
                _faultedAt[key] = now;
                _faultKinds[key] = fault;
            }

            Stats.Record(fault);
            return fault;
        }
    }

    private int Next(int min, int max)
    {
        lock (_random)
        {
            return _random.Next(min, max);
        }
    }

    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/containers/[^/?]+/exec(\?|$)")]
    private static partial System.Text.RegularExpressions.Regex ExecCreate();
}
