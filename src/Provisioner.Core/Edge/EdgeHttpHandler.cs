using System.Security.Cryptography.X509Certificates;

namespace Provisioner.Core.Edge;

/// <summary>
/// Sends a request for a name the edge serves through a handler that trusts only the edge's CA root (read when a request
/// needs it: the first provision exports the root after this handler is made, and a new edge exports a new one), and
/// every other request through <paramref name="others"/>. The edge is dialled at its <see cref="EdgeOptions.Address"/>, or
/// where <paramref name="address"/> says (an edge published on all interfaces of another machine: a Swarm manager's).
/// </summary>
internal sealed class EdgeHttpHandler(EdgeOptions edge, HttpMessageHandler others, Func<CancellationToken, ValueTask<string>>? address = null) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _others = new(others);
    private readonly Lock _gate = new();
    private (string? Pem, HttpMessageInvoker Invoker)? _toEdge;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { } uri && edge.Serves(uri.Host)
            ? ToEdge().SendAsync(request, cancellationToken)
            : _others.SendAsync(request, cancellationToken);

    /// <summary>The handler for the edge's names, made again when the CA root on disk changed (the old one's connections trusted the old root).</summary>
    private HttpMessageInvoker ToEdge()
    {
        var caFile = EdgeHttp.CaFileOf(edge);
        lock (_gate)
        {
            var pem = caFile is null ? null : ReadRoot(caFile);
            if (_toEdge is { } current && current.Pem == pem)
            {
                return current.Invoker;
            }

            // The old invoker is not disposed: a request may still be using it; it is dropped with its pool. A root that
            // cannot be read or parsed (removed meanwhile by `edge remove`) trusts nothing.
            X509Certificate2? root = null;
            try
            {
                root = pem is null ? null : X509Certificate2.CreateFromPem(pem);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                pem = null;
            }

            var invoker = new HttpMessageInvoker(EdgeHttp.ToEdge(edge, root, systemTrust: caFile is null, address));
            _toEdge = (pem, invoker);
            return invoker;
        }
    }

    /// <summary>The root's PEM, or null when there is none (yet) or it cannot be read.</summary>
    private static string? ReadRoot(string caFile)
    {
        try
        {
            return File.Exists(caFile) ? File.ReadAllText(caFile) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _others.Dispose();
            lock (_gate)
            {
                _toEdge?.Invoker.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
