using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Errors;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Unit;

/// <summary>The exception shapes Docker.DotNet's real transports throw when no engine answers, mapped end to end (no engine needed).</summary>
public sealed class EngineUnreachableTests
{
    [Fact]
    public async Task ObserveAsync_UnixSocketMissing_BackendUnavailableSayingHowToStartTheEngine()
    {
        var endpoint = $"unix:///tmp/no-engine-{Guid.NewGuid():N}.sock";
        using var engine = DockerEngineFactory.Create(new DockerEngineOptions { Endpoint = endpoint });
        var backend = new DockerBackend(engine, new DockerBackendOptions(), NullLogger<DockerBackend>.Instance);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => backend.ObserveAsync("acme", Deadline()));

        Assert.StartsWith($"Cannot reach the Docker engine at {endpoint}: the socket /tmp/no-engine-", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("does not exist (No such file or directory)", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
        // A missing socket is not retried like a busy engine: a retry policy applied to it would take minutes. The bound
        // only tells those apart (it is not a speed limit; giving up takes milliseconds).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"gave up after {clock.Elapsed}");
    }

    [Fact]
    public async Task Guard_TcpPortRefusesConnections_BackendUnavailableConnectionRefused()
    {
        var port = ClosedPort();
        using var engine = DockerEngineFactory.Create(new DockerEngineOptions { Endpoint = $"tcp://127.0.0.1:{port}" });
        var ct = Deadline();

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => EngineErrorMapping.Guard(engine, () => engine.Client.System.PingAsync(ct), ct));

        Assert.Equal($"Cannot reach the Docker engine at tcp://127.0.0.1:{port}: Connection refused", error.Message);
        Assert.IsType<AggregateException>(error.InnerException);
    }

    [Fact]
    public async Task Guard_EngineAcceptsButNeverAnswers_BackendUnavailableAfterRequestTimeout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"silent-engine-{Guid.NewGuid():N}.sock");
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        silent.Bind(new UnixDomainSocketEndPoint(path));
        silent.Listen(8);
        try
        {
            using var engine = DockerEngineFactory.Create(new DockerEngineOptions { Endpoint = $"unix://{path}", RequestTimeout = TimeSpan.FromMilliseconds(300) });
            var ct = Deadline();

            var error = await Assert.ThrowsAsync<BackendUnavailableException>(() => EngineErrorMapping.Guard(engine, () => engine.Client.System.GetSystemInfoAsync(ct), ct));

            Assert.Equal($"Cannot reach the Docker engine at unix://{path}: no response within 0.3 s", error.Message);
            Assert.IsType<TaskCanceledException>(error.InnerException);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Guard_CallerCancels_OperationCanceledPassesThrough()
    {
        var path = Path.Combine(Path.GetTempPath(), $"silent-engine-{Guid.NewGuid():N}.sock");
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        silent.Bind(new UnixDomainSocketEndPoint(path));
        silent.Listen(8);
        try
        {
            using var engine = DockerEngineFactory.Create(new DockerEngineOptions { Endpoint = $"unix://{path}" });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EngineErrorMapping.Guard(engine, () => engine.Client.System.PingAsync(cancel.Token), cancel.Token));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
