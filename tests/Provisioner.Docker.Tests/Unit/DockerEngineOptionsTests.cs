using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Unit;

public sealed class DockerEngineOptionsTests
{
    [Fact]
    public void Defaults_NewOptions_ThirtySecondTimeout()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new DockerEngineOptions().RequestTimeout);
    }

    [Fact]
    public void DefaultEndpoint_NoDockerHost_UsesUnixSocket()
    {
        Assert.Equal("unix:///var/run/docker.sock", DockerEngineOptions.DefaultEndpoint(_ => null));
        Assert.Equal("unix:///var/run/docker.sock", DockerEngineOptions.DefaultEndpoint(_ => "  "));
    }

    [Fact]
    public void DefaultEndpoint_DockerHostSet_UsesIt()
    {
        Assert.Equal("tcp://10.0.0.5:2375", DockerEngineOptions.DefaultEndpoint(name => name == "DOCKER_HOST" ? "tcp://10.0.0.5:2375" : null));
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock", "unix:///var/run/docker.sock")]
    [InlineData("unix:///tmp/engine-2/docker.sock", "unix:///tmp/engine-2/docker.sock")]
    [InlineData("tcp://127.0.0.1:2375", "tcp://127.0.0.1:2375")]
    [InlineData("tcp://localhost", "tcp://localhost:2375")]
    [InlineData("tcp://127.0.0.2:2376", "tcp://127.0.0.2:2376")]
    [InlineData("tcp://[::1]:2375", "tcp://[::1]:2375")]
    public void TryParse_SupportedEndpoint_NoProblemsAndDisplayedPlainly(string endpoint, string display)
    {
        Assert.Empty(new DockerEngineOptions { Endpoint = endpoint }.Validate());
        Assert.Equal(display, EngineAddress.Display(EngineAddress.TryParse(endpoint, out _)!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("ssh://user@host")]
    [InlineData("http://host:2375")]
    [InlineData("/var/run/docker.sock")]
    [InlineData("tcp://")]
    public void Validate_UnsupportedEndpoint_ReportsEndpoint(string endpoint)
    {
        var problem = Assert.Single(new DockerEngineOptions { Endpoint = endpoint }.Validate());

        Assert.StartsWith("Endpoint: ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp://engine-host")]
    [InlineData("tcp://10.0.0.5:2375")]
    [InlineData("tcp://192.168.1.20:2376")]
    public void Validate_RemoteTcpWithoutTls_RefusedSayingWhyAndWhatToDo(string endpoint)
    {
        var problem = Assert.Single(new DockerEngineOptions { Endpoint = endpoint, TlsCertPath = null }.Validate());

        Assert.Contains("is a remote engine over plain HTTP", problem, StringComparison.Ordinal);
        Assert.Contains("DOCKER_CERT_PATH", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Validate_RemoteTcpWithTlsFolder_NamesEachMissingFile()
    {
        var folder = Directory.CreateTempSubdirectory("engine-tls-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ca.pem"), "not used");

            var problem = Assert.Single(new DockerEngineOptions { Endpoint = "tcp://10.0.0.5:2376", TlsCertPath = folder }.Validate());

            Assert.Contains("has no cert.pem, key.pem", problem, StringComparison.Ordinal);
            var missing = Assert.Single(new DockerEngineOptions { Endpoint = "tcp://10.0.0.5:2376", TlsCertPath = folder + "-gone" }.Validate());
            Assert.Contains("does not exist", missing, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_UnixSocketWithTlsFolderSet_TlsIgnored()
    {
        Assert.Empty(new DockerEngineOptions { Endpoint = "unix:///var/run/docker.sock", TlsCertPath = "/nowhere" }.Validate());
    }

    [Fact]
    public void DefaultTlsCertPath_FollowsTheDockerCliVariables()
    {
        Assert.Null(DockerEngineOptions.DefaultTlsCertPath(_ => null));
        Assert.Null(DockerEngineOptions.DefaultTlsCertPath(name => name == "DOCKER_TLS_VERIFY" ? "0" : "/certs"));
        Assert.Equal("/certs", DockerEngineOptions.DefaultTlsCertPath(name => name == "DOCKER_TLS_VERIFY" ? "1" : name == "DOCKER_CERT_PATH" ? "/certs" : null));
        Assert.Equal("/home/ops/.docker", DockerEngineOptions.DefaultTlsCertPath(name => name == "DOCKER_TLS_VERIFY" ? "1" : name == "HOME" ? "/home/ops" : null));
    }

    [Fact]
    public void Create_SeveralProblems_ArgumentExceptionListingAll()
    {
        var options = new DockerEngineOptions { Endpoint = "ftp://x", RequestTimeout = TimeSpan.FromSeconds(-1) };

        var error = Assert.Throws<ArgumentException>(() => DockerEngineFactory.Create(options));

        Assert.Contains("Endpoint: scheme 'ftp' is not supported", error.Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout: must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoApiVersionPinned_ClientSpeaksTheEnginesVersion()
    {
        using var engine = DockerEngineFactory.Create(new DockerEngineOptions { Endpoint = "unix:///var/run/docker.sock" });

        Assert.Null(engine.Client.Options.ApiVersion);
        Assert.Equal(TimeSpan.FromSeconds(30), engine.Client.Options.Timeout);
    }
}
