using System.Net;
using System.Net.Sockets;

namespace Provisioner.Core.Provisioning;

/// <summary>
/// Whether a host port is free, by binding it briefly (nothing else on the machine may be using it). An address that is not
/// on this machine cannot be probed from here: it counts as free (the engine refuses a port taken on its host when it binds it).
/// </summary>
public static class HostPorts
{
    public static bool IsFree(string address, int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
