using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Unit;

public sealed class DockerClientOptionsTests
{
    [Fact]
    public void Defaults_NewOptions_ThirtySecondsAndApi141()
    {
        var options = new DockerClientOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal("1.41", options.MaxApiVersion);
    }

    [Fact]
    public void DefaultEndpoint_NoDockerHost_UsesUnixSocket()
    {
        Assert.Equal("unix:///var/run/docker.sock", DockerClientOptions.DefaultEndpoint(_ => null));
        Assert.Equal("unix:///var/run/docker.sock", DockerClientOptions.DefaultEndpoint(_ => "  "));
    }

    [Fact]
    public void DefaultEndpoint_DockerHostSet_UsesIt()
    {
        var endpoint = DockerClientOptions.DefaultEndpoint(name => name == "DOCKER_HOST" ? "tcp://10.0.0.5:2375" : null);

        Assert.Equal("tcp://10.0.0.5:2375", endpoint);
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock")]
    [InlineData("unix:///tmp/engine-2/docker.sock")]
    [InlineData("tcp://127.0.0.1:2375")]
    [InlineData("tcp://engine-host")]
    public void Validate_SupportedEndpoint_NoProblems(string endpoint)
    {
        Assert.Empty(new DockerClientOptions { Endpoint = endpoint }.Validate());
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
        var problem = Assert.Single(new DockerClientOptions { Endpoint = endpoint }.Validate());

        Assert.StartsWith("Endpoint: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllAtOnce()
    {
        var options = new DockerClientOptions { Endpoint = "ftp://x", RequestTimeout = TimeSpan.FromSeconds(-1), MaxApiVersion = "one" };

        var problems = options.Validate();

        Assert.Collection(
            problems,
            p => Assert.StartsWith("Endpoint:", p, StringComparison.Ordinal),
            p => Assert.StartsWith("RequestTimeout:", p, StringComparison.Ordinal),
            p => Assert.StartsWith("MaxApiVersion:", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InfiniteTimeout_Accepted()
    {
        Assert.Empty(new DockerClientOptions { Endpoint = "unix:///x.sock", RequestTimeout = Timeout.InfiniteTimeSpan }.Validate());
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new DockerClientOptions { Endpoint = "ftp://x", MaxApiVersion = "1.2" };

        var error = Assert.Throws<ArgumentException>(() => DockerClientFactory.Create(options));

        Assert.Contains("Endpoint:", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxApiVersion:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TcpWithoutPort_EndpointUsesPort2375()
    {
        using var client = DockerClientFactory.Create(new DockerClientOptions { Endpoint = "tcp://engine-host" });

        Assert.Equal(new Uri("tcp://engine-host:2375"), client.Endpoint);
    }

    [Fact]
    public void Create_UnixSocket_EndpointIsTheSocketUri()
    {
        using var client = DockerClientFactory.Create(new DockerClientOptions { Endpoint = "unix:///var/run/docker.sock" });

        Assert.Equal("unix:///var/run/docker.sock", client.Endpoint.ToString());
    }
}
