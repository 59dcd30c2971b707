using System.Net;
using System.Net.Sockets;

namespace Provisioner.Composition;

/// <summary>
/// Checks a host port is free by binding it briefly (nothing else on the machine may be using it). An address that is not
/// on this machine (publishAddress naming a remote engine's host) cannot be probed from here: every port counts as free,
/// the registry still keeps tenants' ports apart, and the engine refuses a port taken on its host when it binds it.
/// </summary>
internal static class Ports
{
    public static Func<int, bool> IsFreeOn(string address) => port =>
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
    };
}
