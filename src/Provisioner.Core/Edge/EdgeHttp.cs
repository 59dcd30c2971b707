using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
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
    public static HttpMessageHandler Handler(EdgeOptions? edge) => edge is null ? Plain() : new EdgeHttpHandler(edge, Plain());

    /// <summary>
    /// With a second edge (the Swarm cluster's, its names under a subdomain of the first's, so asked first) reached at an
    /// address known only at run time (<paramref name="clusterAddress"/>: the manager node's, asked once when a request needs it).
    /// </summary>
    public static HttpMessageHandler Handler(EdgeOptions? edge, EdgeOptions? clusterEdge, Func<CancellationToken, ValueTask<string>> clusterAddress) =>
        clusterEdge is null ? Handler(edge) : new EdgeHttpHandler(clusterEdge, Handler(edge), clusterAddress);

    /// <summary>
    /// Starts, once per process and in the background, what the first TLS handshake of the process would otherwise do
    /// on its own path: on Linux every certificate chain .NET builds (the edge's too, though only its CA root is trusted)
    /// first reads the system's certificates (/etc/ssl/certs, about 0.1 s here); made while a command still waits on
    /// the engine, a converged rerun's health gate no longer waits for it.
    /// </summary>
    public static void WarmTrust() => _ = Warming.Value;

    private static readonly Lazy<Task> Warming = new(() => Task.Run(() =>
    {
        try
        {
            using var key = ECDsa.Create();
            var request = new CertificateRequest("CN=warm", key, HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.Build(certificate);
        }
        catch (Exception)
        {
            // Only a head start: the handshake does the same work, and reports its own errors.
        }
    }));

    /// <summary>A handler for other hosts: the system's trust, connections renewed every minute.</summary>
    public static SocketsHttpHandler Plain() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// A handler for the edge's names: every connection goes to the edge's published address, and its certificate must
    /// chain to <paramref name="root"/> (only to it: the system's roots are not trusted for the edge's names); with no root, to the system's trust when
    /// <paramref name="systemTrust"/> (an operator's certificate without its CA), else nothing is trusted (the CA root
    /// was not exported yet).
    /// </summary>
    public static SocketsHttpHandler ToEdge(EdgeOptions edge, X509Certificate2? root, bool systemTrust, Func<CancellationToken, ValueTask<string>>? address = null)
    {
        var handler = Plain();
        handler.UseProxy = false; // the edge's published address is reached directly, whatever HTTPS_PROXY says
        handler.ConnectCallback = async (context, ct) =>
        {
            // A redirect is followed by this handler: one to a name the edge does not serve goes where it says.
            var target = edge.Serves(context.DnsEndPoint.Host)
                ? new DnsEndPoint(address is null ? ConnectAddress(edge.Address) : await address(ct), edge.Port)
                : context.DnsEndPoint;
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
        if (root is not null)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck, DisableCertificateDownloads = true };
            policy.CustomTrustStore.Add(root);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = policy,
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None && chain is { ChainElements.Count: > 0 } &&
                    chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span),
            };
        }
        else if (!systemTrust)
        {
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => false };
        }

        return handler;
    }

    /// <summary>The CA root clients of the edge trust: the edge's own (exported), or the root of the operator's certificate; null when there is none (yet).</summary>
    public static string? CaFileOf(EdgeOptions edge) => edge.Certificate is { } operatorCertificate ? operatorCertificate.CaFile : edge.CaFile;

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
