using System.Net.Sockets;

namespace Provisioner.Docker.Engine;

/// <summary>Builds the HTTP handler that speaks to the engine over its socket (no proxy, no redirects).</summary>
internal static class DockerHttpHandlerFactory
{
    public static SocketsHttpHandler Create(DockerSocketConnector connector) => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = await connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        },
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
