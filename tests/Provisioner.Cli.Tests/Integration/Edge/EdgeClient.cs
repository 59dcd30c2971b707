using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Provisioner.Cli.Tests.Integration.Edge;

/// <summary>
/// A customer's HTTPS client of the edge, written independently of provision's own: every name goes to the edge's
/// published port (as a DNS record for <c>*.tenants.test</c> would send it), and the certificate must chain to the CA
/// root file given, which is the only trust anchor.
/// </summary>
internal static class EdgeClient
{
    public static HttpClient For(int port, string caFile)
    {
        var root = X509Certificate2.CreateFromPem(File.ReadAllText(caFile));
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, sent, errors) =>
                {
                    if (certificate is not X509Certificate2 leaf || (errors & System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    foreach (var element in sent?.ChainElements.OfType<X509ChainElement>().Select(e => e.Certificate) ?? [])
                    {
                        chain.ChainPolicy.ExtraStore.Add(element);
                    }

                    return chain.Build(leaf);
                },
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>A port nothing listens on right now (the edge then publishes it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
