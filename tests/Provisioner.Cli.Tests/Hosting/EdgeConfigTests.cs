using Provisioner.Cli.Hosting;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Tests.Hosting;

/// <summary>edge: in provisioner.yaml: the operator's certificate files are found beside the file, and go together.</summary>
public sealed class EdgeConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-config-").FullName;

    private ProvisionerConfig Load(string yaml)
    {
        var file = Path.Combine(_dir, "provisioner.yaml");
        File.WriteAllText(file, yaml);
        return ConfigLoader.Load(file, _dir);
    }

    [Fact]
    public void Settings_CertificatePaths_RelativeToTheConfigFile()
    {
        var edge = EdgeSetup.Settings(Load("edge:\n  domain: tenants.test\n  certificate: certs/edge.pem\n  key: certs/edge.key\n  ca: /etc/ssl/root.pem\n"));

        Assert.NotNull(edge);
        Assert.Equal(
            (Path.Combine(_dir, "certs", "edge.pem"), Path.Combine(_dir, "certs", "edge.key"), "/etc/ssl/root.pem"),
            (edge.CertificateFile, edge.KeyFile, edge.CaFile));
    }

    [Theory]
    [InlineData("edge: { domain: tenants.test, certificate: edge.pem }\n")]
    [InlineData("edge: { domain: tenants.test, key: edge.key }\n")]
    [InlineData("edge: { domain: tenants.test, ca: root.pem }\n")]
    public void Settings_CertificateWithoutItsKey_Refused(string yaml)
    {
        var e = Assert.Throws<BadInputException>(() => EdgeSetup.Settings(Load(yaml)));

        Assert.Contains("edge.certificate and edge.key go together", e.Message);
    }

    [Fact]
    public void Settings_NoCertificate_TheEdgesOwnCa()
    {
        var edge = EdgeSetup.Settings(Load("edge: { domain: tenants.test }\n"));

        Assert.Equal((null, null, null), (edge!.CertificateFile, edge.KeyFile, edge.CaFile));
    }

    [Fact]
    public void NothingNamed_NoSettings_TheLocalEdgeByDefault()
    {
        var config = Load("backend: docker\n");

        Assert.Null(EdgeSetup.Settings(config));
        Assert.Equal(EdgeSettings.Local, EdgeSetup.Default(config));
        Assert.Equal(("localhost", 8443, "provision-edge"), (EdgeSettings.Local.Domain, EdgeSettings.Local.Port, EdgeSettings.Local.Name));
        Assert.False(EdgeSetup.Off(config));
    }

    [Fact]
    public void EdgeWithoutADomain_LocalhostWithItsOtherSettings()
    {
        var edge = EdgeSetup.Settings(Load("edge: { port: 9443, name: edge-b }\n"));

        Assert.Equal(("localhost", 9443, "edge-b"), (edge!.Domain, edge.Port, edge.Name));
    }

    [Fact]
    public void EnabledFalse_Off_NoDefaultNoSettings()
    {
        var config = Load("edge: { enabled: false, domain: tenants.test }\n");

        Assert.True(EdgeSetup.Off(config));
        Assert.Null(EdgeSetup.Default(config));
        Assert.Null(EdgeSetup.Settings(config));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
