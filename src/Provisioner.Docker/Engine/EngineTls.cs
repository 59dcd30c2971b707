using System.Net;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;

namespace Provisioner.Docker.Engine;

/// <summary>
/// TLS to a <c>tcp://</c> engine: the docker CLI's folder convention (<c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c>) and
/// the rule that a remote engine is never spoken to in clear (tenant secrets are uploaded through this connection).
/// </summary>
internal static class EngineTls
{
    /// <summary>The files a certificate folder must hold.</summary>
    public static readonly string[] Files = ["ca.pem", "cert.pem", "key.pem"];

    /// <summary>Options for <paramref name="endpoint"/> with a TLS folder; null keeps the docker CLI's environment default.</summary>
    public static DockerEngineOptions Options(string endpoint, string? certPath) =>
        certPath is null ? new DockerEngineOptions { Endpoint = endpoint } : new DockerEngineOptions { Endpoint = endpoint, TlsCertPath = certPath };

    /// <summary>Whether the address's host is this machine (127.0.0.0/8, ::1 or localhost): plain HTTP stays on it.</summary>
    public static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>What is wrong with speaking to <paramref name="endpoint"/> given <paramref name="certPath"/>; empty when fine.</summary>
    public static IEnumerable<string> Problems(Uri endpoint, string? certPath)
    {
        var display = EngineAddress.Display(endpoint);
        if (string.IsNullOrWhiteSpace(certPath))
        {
            if (!IsLoopback(endpoint))
            {
                yield return $"Endpoint: {display} is a remote engine over plain HTTP, where tenant secrets would cross the network "
                    + "in clear; give it TLS with client certificates (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH=DIR holding "
                    + "ca.pem, cert.pem and key.pem, or engineTls: DIR in provisioner.yaml), or reach it over a unix socket";
            }

            yield break;
        }

        if (!Directory.Exists(certPath))
        {
            yield return $"TlsCertPath: the folder '{certPath}' does not exist (it must hold {string.Join(", ", Files)})";
            yield break;
        }

        var missing = Files.Where(file => !File.Exists(Path.Combine(certPath, file))).ToList();
        if (missing.Count > 0)
        {
            yield return $"TlsCertPath: '{certPath}' has no {string.Join(", ", missing)} (it must hold {string.Join(", ", Files)})";
        }
    }

    /// <summary>Client certificate plus a server check against the folder's CA (not the machine's trust store).</summary>
    /// <exception cref="ArgumentException">A file is not a readable PEM certificate or key.</exception>
    public static IAuthProvider Credentials(string certPath)
    {
        try
        {
            return DockerTlsCertificates.LoadFromDirectory(certPath).CreateCredentials();
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"TlsCertPath: the certificates in '{certPath}' cannot be read: {e.Message}", nameof(certPath), e);
        }
    }
}
