using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Provisioner.Core.Edge;

namespace Provisioner.Core.Tests.Edge;

/// <summary>The operator's edge certificate is checked before anything is created: files, key, names, dates, chain.</summary>
public sealed class EdgeCertificateTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-cert-").FullName;

    [Fact]
    public void Problems_WildcardForTheDomain_ChainingToItsCa_None()
    {
        var (cert, key, ca) = Write("*.tenants.test", Now.AddDays(-1), Now.AddDays(30));

        Assert.Empty(new EdgeCertificate { CertificateFile = cert, KeyFile = key, CaFile = ca }.Problems("tenants.test", Now));
        Assert.Empty(new EdgeCertificate { CertificateFile = cert, KeyFile = key }.Problems("tenants.test", Now));
    }

    [Fact]
    public void Problems_AnotherDomain_NamesTheSettingAndTheDomain()
    {
        var (cert, key, _) = Write("*.other.test", Now.AddDays(-1), Now.AddDays(30));

        var problem = Assert.Single(new EdgeCertificate { CertificateFile = cert, KeyFile = key }.Problems("tenants.test", Now));
        Assert.Contains("edge.certificate", problem);
        Assert.Contains("does not cover *.tenants.test", problem);
    }

    [Fact]
    public void Problems_Expired_SaysWhen()
    {
        var (cert, key, _) = Write("*.tenants.test", Now.AddDays(-30), Now.AddDays(-1));

        Assert.Contains("expired on", Assert.Single(new EdgeCertificate { CertificateFile = cert, KeyFile = key }.Problems("tenants.test", Now)));
    }

    [Fact]
    public void Problems_KeyOfAnotherCertificate_Refused()
    {
        var (cert, _, _) = Write("*.tenants.test", Now.AddDays(-1), Now.AddDays(30));
        var (_, otherKey, _) = Write("*.tenants.test", Now.AddDays(-1), Now.AddDays(30), "other");

        var problem = Assert.Single(new EdgeCertificate { CertificateFile = cert, KeyFile = otherKey }.Problems("tenants.test", Now));
        Assert.StartsWith($"edge.certificate {cert} with edge.key {otherKey}:", problem);
    }

    [Fact]
    public void Problems_MissingFile_SaysSo()
    {
        var problem = Assert.Single(new EdgeCertificate { CertificateFile = Path.Combine(_dir, "none.pem"), KeyFile = Path.Combine(_dir, "none.key") }.Problems("tenants.test", Now));
        Assert.EndsWith("file not found", problem);
    }

    [Fact]
    public void Problems_CaItDoesNotChainTo_Refused()
    {
        var (cert, key, _) = Write("*.tenants.test", Now.AddDays(-1), Now.AddDays(30));
        var (_, _, otherCa) = Write("*.tenants.test", Now.AddDays(-1), Now.AddDays(30), "other");

        Assert.Contains("does not chain to edge.ca", Assert.Single(new EdgeCertificate { CertificateFile = cert, KeyFile = key, CaFile = otherCa }.Problems("tenants.test", Now)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A root CA and a leaf it signs for <paramref name="name"/>; returns the leaf's, its key's and the root's PEM files.</summary>
    private (string Cert, string Key, string Ca) Write(string name, DateTimeOffset from, DateTimeOffset to, string prefix = "op")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={prefix} test root", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = caRequest.CreateSelfSigned(Now.AddDays(-60), Now.AddDays(60));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var leaf = request.Create(root, from, to, [1, 2, 3, 4]);

        var files = (Path.Combine(_dir, $"{prefix}.pem"), Path.Combine(_dir, $"{prefix}.key"), Path.Combine(_dir, $"{prefix}-ca.pem"));
        File.WriteAllText(files.Item1, leaf.ExportCertificatePem());
        File.WriteAllText(files.Item2, leafKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(files.Item3, root.ExportCertificatePem());
        return files;
    }
}
