using System.Net;
using System.Net.Sockets;

namespace Provisioner.Composition;

/// <summary>Checks a host port is free by binding it briefly (nothing else on the machine may be using it).</summary>
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
        catch (SocketException)
        {
            return false;
        }
    };
}
