using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Provisioner.Core.Edge;

/// <summary>
/// The HTTP handler health checks and journeys use: a request to <c>https://acme.&lt;domain&gt;:&lt;port&gt;</c> goes to the edge's
/// published address (the name need not resolve), with acme's host name as SNI and Host, as a customer's request would;
/// the edge's certificate must chain to the CA root exported to <see cref="EdgeOptions.CaFile"/> (and nothing else).
/// Other hosts are reached as usual, with the system's trust.
/// </summary>
internal static class EdgeHttp
{
    public static SocketsHttpHandler Handler(EdgeOptions? edge)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (edge is null)
        {
            return handler;
        }

        handler.ConnectCallback = async (context, ct) =>
        {
            var target = edge.Serves(context.DnsEndPoint.Host) ? new DnsEndPoint(ConnectAddress(edge.Address), edge.Port) : context.DnsEndPoint;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(target, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        // The edge's own CA (exported), or the root of the operator's certificate; an operator's certificate without
        // one is checked as any other site's (the system's trust).
        var caFile = edge.Certificate is { } operatorCertificate ? operatorCertificate.CaFile : edge.CaFile;
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                sender is SslStream { TargetHostName: { } host } && edge.Serves(host) && caFile is not null
                    ? certificate is X509Certificate2 leaf && ChainsToCa(leaf, chain, caFile) && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                    : errors == SslPolicyErrors.None,
        };
        return handler;
    }

    /// <summary>Whether <paramref name="leaf"/> chains to the CA root in <paramref name="caFile"/> (with the intermediates the server sent).</summary>
    public static bool ChainsToCa(X509Certificate2 leaf, X509Chain? sent, string caFile)
    {
        if (!File.Exists(caFile))
        {
            return false;
        }

        using var root = X509Certificate2.CreateFromPem(File.ReadAllText(caFile));
        var intermediates = new X509Certificate2Collection();
        foreach (var element in sent?.ChainElements.OfType<X509ChainElement>() ?? [])
        {
            intermediates.Add(element.Certificate);
        }

        return ChainsToCa(leaf, intermediates, root);
    }

    /// <summary>Whether <paramref name="leaf"/> chains to <paramref name="root"/> (and only to it), through <paramref name="intermediates"/>.</summary>
    public static bool ChainsToCa(X509Certificate2 leaf, X509Certificate2Collection intermediates, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        return chain.Build(leaf) && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span);
    }

    /// <summary>An edge published on all interfaces is reached on loopback.</summary>
    private static string ConnectAddress(string address) => address == "0.0.0.0" ? "127.0.0.1" : address;
}
