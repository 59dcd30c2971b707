using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Provisioner.Core.Edge;

namespace Provisioner.Core.Tests.Edge;

/// <summary>
/// Health checks reach a tenant behind the edge as <c>https://acme.&lt;domain&gt;:&lt;port&gt;</c> through the edge's address,
/// trusting its exported CA root and nothing else: a local TLS server on 127.0.0.1 stands in for the edge.
/// </summary>
public sealed class EdgeHttpTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-http-").FullName;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _leaf;
    private Task? _server;

    public EdgeHttpTests()
    {
        (_root, _leaf) = Issue("*.tenants.test");
    }

    [Fact]
    public async Task Send_NameUnderTheDomain_GoesToTheEdgeAndTrustsItsCa()
    {
        var edge = Start();
        File.WriteAllText(edge.CaFile, _root.ExportCertificatePem());
        using var client = new HttpClient(EdgeHttp.Handler(edge));

        var body = await client.GetStringAsync($"https://acme.tenants.test:{edge.Port}/readyz");

        Assert.Equal("acme.tenants.test", body);
    }

    [Fact]
    public async Task Send_CaFileNotYetWritten_Refused_ThenTrustedOnceItIs()
    {
        var edge = Start();
        using var client = new HttpClient(EdgeHttp.Handler(edge));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"https://acme.tenants.test:{edge.Port}/"));
        File.WriteAllText(edge.CaFile, _root.ExportCertificatePem());

        Assert.Equal("acme.tenants.test", await client.GetStringAsync($"https://acme.tenants.test:{edge.Port}/"));
    }

    [Fact]
    public async Task Send_EdgeCertificateFromAnotherCa_Refused()
    {
        var edge = Start();
        var (otherRoot, otherLeaf) = Issue("*.tenants.test");
        using (otherLeaf)
        using (otherRoot)
        {
            File.WriteAllText(edge.CaFile, otherRoot.ExportCertificatePem());
        }

        using var client = new HttpClient(EdgeHttp.Handler(edge));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"https://acme.tenants.test:{edge.Port}/"));
    }

    [Fact]
    public async Task Send_CaFileNotACertificate_RefusedAsAFailedRequest()
    {
        var edge = Start();
        File.WriteAllText(edge.CaFile, "not a certificate");
        using var client = new HttpClient(EdgeHttp.Handler(edge));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"https://acme.tenants.test:{edge.Port}/"));
    }

    [Fact]
    public async Task Send_ClusterEdgeName_DialledWhereItsAddressSays_TheEngineEdgeNotAsked()
    {
        // The cluster's edge publishes on all interfaces of another machine: its address comes from the manager at run time.
        var cluster = Start() with { Address = "0.0.0.0" };
        File.WriteAllText(cluster.CaFile, _root.ExportCertificatePem());
        var engineEdge = new EdgeOptions { Domain = "test", Port = 1, CaFile = Path.Combine(_dir, "engine-ca.crt") };
        var asked = 0;
        using var client = new HttpClient(EdgeHttp.Handler(engineEdge, cluster, _ =>
        {
            Interlocked.Increment(ref asked);
            return ValueTask.FromResult("127.0.0.1");
        }));

        // acme.tenants.test is under both domains: the cluster's edge (the more specific one) answers.
        Assert.Equal("acme.tenants.test", await client.GetStringAsync($"https://acme.tenants.test:{cluster.Port}/readyz"));
        Assert.True(asked >= 1);
    }

    [Fact]
    public async Task Send_NameTheCertificateDoesNotCover_Refused()
    {
        var edge = Start() with { Domain = "test" };
        File.WriteAllText(edge.CaFile, _root.ExportCertificatePem());
        using var client = new HttpClient(EdgeHttp.Handler(edge));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"https://tenants.test:{edge.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_server is not null)
        {
            await _server.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _leaf.Dispose();
        _root.Dispose();
        _stop.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Starts the stand-in edge: TLS with the leaf, answering every request with the SNI name it was asked for.</summary>
    private EdgeOptions Start()
    {
        _listener.Start();
        _server = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => AnswerAsync(socket));
            }
        });
        return new EdgeOptions
        {
            Domain = "tenants.test",
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
            CaFile = Path.Combine(_dir, "edge-ca.crt"),
        };
    }

    private async Task AnswerAsync(TcpClient socket)
    {
        using var _ = socket;
        try
        {
            await using var tls = new SslStream(socket.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _leaf }, _stop.Token);
            var buffer = new byte[4096];
            var read = 0;
            while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n"))
            {
                var n = await tls.ReadAsync(buffer.AsMemory(read), _stop.Token);
                if (n == 0)
                {
                    return;
                }

                read += n;
            }

            var body = tls.TargetHostName;
            await tls.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"), _stop.Token);
        }
        catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException)
        {
            // The client refused the certificate, or the test ended.
        }
    }

    /// <summary>A root CA and a leaf it signs for <paramref name="name"/> (with its key, for the server).</summary>
    private static (X509Certificate2 Root, X509Certificate2 Leaf) Issue(string name)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=edge test root", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var root = caRequest.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var signed = request.Create(root, Now.AddDays(-1), Now.AddDays(7), [5, 6, 7, 8]);
        using var withKey = signed.CopyWithPrivateKey(leafKey);
        // SslStream on Linux needs a key it can export to OpenSSL: round-trip through PKCS#12.
        var leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return (root, leaf);
    }
}
