using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Provisioner.Docker.Engine;

/// <summary>
/// A raw HTTP/1.1 exchange on a dedicated socket that the engine upgrades (<c>Upgrade: tcp</c>, answered
/// with <c>101 UPGRADED</c>). After the head, <see cref="Stream"/> carries the engine's output and our input;
/// <see cref="CloseWrite"/> half-closes the socket so the engine sees end-of-input (stdin EOF).
/// HttpClient cannot half-close, which is why this one call bypasses it.
/// </summary>
internal sealed class HijackedConnection : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private HijackedConnection(Socket socket, NetworkStream stream, int statusCode)
    {
        _socket = socket;
        _stream = stream;
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    /// <summary>The error body when <see cref="StatusCode"/> is 400 or above.</summary>
    public string ErrorBody { get; private set; } = "";

    public Stream Stream => _stream;

    public static async Task<HijackedConnection> OpenAsync(
        DockerSocketConnector connector,
        string method,
        string pathAndQuery,
        byte[] body,
        CancellationToken cancellationToken)
    {
        var socket = await connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var head = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{method} {pathAndQuery} HTTP/1.1\r\n")
                .Append("Host: docker\r\n")
                .Append("User-Agent: provisioner-docker/1.0\r\n")
                .Append("Content-Type: application/json\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n")
                .Append("Connection: Upgrade\r\n")
                .Append("Upgrade: tcp\r\n\r\n")
                .ToString();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

            var response = await HttpResponseHead.ReadAsync(stream, MaxHeadBytes, cancellationToken).ConfigureAwait(false);
            var connection = new HijackedConnection(socket, stream, response.StatusCode);
            if (response.StatusCode >= 400)
            {
                connection.ErrorBody = await response.ReadBodyAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Half-closes the connection: the engine sees end of input; output keeps flowing.</summary>
    public void CloseWrite() => _socket.Shutdown(SocketShutdown.Send);

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
