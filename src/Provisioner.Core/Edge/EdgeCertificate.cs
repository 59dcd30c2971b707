using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Provisioner.Core.Edge;

/// <summary>
/// A certificate the operator supplies for the edge instead of its own local CA: a PEM file with the certificate (and its
/// intermediates), its key, and optionally the root it chains to (for the health checks and <c>provision edge ca</c>;
/// without one, the checks trust what the system trusts, as for a certificate from a public CA).
/// </summary>
public sealed record EdgeCertificate
{
    /// <summary>The certificate, then its intermediates (PEM). It must cover <c>*.&lt;domain&gt;</c>.</summary>
    public required string CertificateFile { get; init; }

    /// <summary>Its private key (PEM, unencrypted).</summary>
    public required string KeyFile { get; init; }

    /// <summary>The root certificate it chains to (PEM), or null for the system's trust.</summary>
    public string? CaFile { get; init; }

    /// <summary>
    /// Every problem at once, each naming the setting: files that cannot be read, a key that is not the certificate's,
    /// a certificate that does not cover <c>*.<paramref name="domain"/></c>, is expired or not yet valid, or does not
    /// chain to the CA given.
    /// </summary>
    public IReadOnlyList<string> Problems(string domain, DateTimeOffset now)
    {
        var errors = new List<string>();
        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPemFile(CertificateFile, KeyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            errors.Add($"edge.certificate {CertificateFile} with edge.key {KeyFile}: {Reason(e)}");
            return errors;
        }

        using (leaf)
        {
            var probe = $"tenant.{domain}";
            if (!leaf.MatchesHostname(probe))
            {
                errors.Add($"edge.certificate {CertificateFile} ({leaf.Subject}) does not cover *.{domain}: tenants' names such as {probe} would not match it");
            }

            if (now.UtcDateTime > leaf.NotAfter.ToUniversalTime())
            {
                errors.Add($"edge.certificate {CertificateFile} expired on {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
            }
            else if (now.UtcDateTime < leaf.NotBefore.ToUniversalTime())
            {
                errors.Add($"edge.certificate {CertificateFile} is not valid before {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
            }

            if (CaFile is not null)
            {
                errors.AddRange(ChainProblems(leaf));
            }
        }

        return errors;
    }

    private IEnumerable<string> ChainProblems(X509Certificate2 leaf)
    {
        X509Certificate2 root;
        try
        {
            root = X509Certificate2.CreateFromPem(File.ReadAllText(CaFile!));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return [$"edge.ca {CaFile}: {Reason(e)}"];
        }

        using (root)
        {
            var intermediates = new X509Certificate2Collection();
            intermediates.ImportFromPemFile(CertificateFile);
            if (!EdgeHttp.ChainsToCa(leaf, intermediates, root))
            {
                return [$"edge.certificate {CertificateFile} does not chain to edge.ca {CaFile} ({root.Subject})"];
            }
        }

        return [];
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "file not found",
        UnauthorizedAccessException => "not readable by this user",
        _ => e.Message.TrimEnd('.'),
    };
}
