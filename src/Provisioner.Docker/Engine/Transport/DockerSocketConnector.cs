using System.Net;
using System.Net.Sockets;

namespace Provisioner.Docker.Engine;

/// <summary>Opens a connected socket to the engine: a unix domain socket or a TCP connection.</summary>
internal sealed class DockerSocketConnector(DockerEndpoint endpoint)
{
    /// <summary>Connects a new socket; the caller owns it.</summary>
    public async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket;
        EndPoint target;
        if (endpoint.SocketPath is { } path)
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            target = new UnixDomainSocketEndPoint(path);
        }
        else
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            target = new DnsEndPoint(endpoint.Host!, endpoint.Port);
        }

        try
        {
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
