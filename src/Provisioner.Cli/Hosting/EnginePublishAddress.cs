using System.Net;
using System.Net.Sockets;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// Where tenants' ports (and the edge's) are published when provisioner.yaml names no <c>publishAddress</c>: 127.0.0.1 for
/// an engine on this machine; for a remote <c>tcp://</c> engine, the address this machine reaches that engine at (its IPv4
/// address, or its name resolved). Loopback there would be the remote machine's own loopback: the ports would be published
/// where neither <c>provision</c>'s health checks nor any client can reach them.
/// </summary>
internal static class EnginePublishAddress
{
    public const string Loopback = "127.0.0.1";

    public static string For(string engine)
    {
        if (!Uri.TryCreate(engine, UriKind.Absolute, out var uri) || uri.Scheme != "tcp" || uri.IsLoopback || uri.Host.Length == 0)
        {
            return Loopback;
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal))
        {
            return Usable(literal) ? literal.ToString() : Loopback;
        }

        try
        {
            return Dns.GetHostAddresses(uri.Host).FirstOrDefault(Usable)?.ToString() ?? Loopback;
        }
        catch (SocketException)
        {
            return Loopback; // an engine name that does not resolve: connecting to it fails first, and says so
        }
    }

    /// <summary>IPv4 (the edge and port settings take IPv4 only) and not loopback.</summary>
    private static bool Usable(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address);
}
