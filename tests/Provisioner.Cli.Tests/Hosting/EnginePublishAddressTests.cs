using Provisioner.Cli.Hosting;

namespace Provisioner.Cli.Tests.Hosting;

/// <summary>
/// Where ports are published when provisioner.yaml names no <c>publishAddress</c>: loopback for an engine on this machine,
/// the remote engine's own address for a <c>tcp://</c> one (its loopback would be out of everyone's reach); an explicit
/// <c>publishAddress</c> wins.
/// </summary>
public sealed class EnginePublishAddressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("publish-address-").FullName;

    [Theory]
    [InlineData("unix:///var/run/docker.sock", "127.0.0.1")]
    [InlineData("tcp://127.0.0.1:2375", "127.0.0.1")]
    [InlineData("tcp://127.0.0.9:2375", "127.0.0.1")]
    [InlineData("tcp://localhost:2375", "127.0.0.1")]
    [InlineData("tcp://[::1]:2375", "127.0.0.1")]
    [InlineData("tcp://10.232.0.11:2376", "10.232.0.11")]
    [InlineData("tcp://192.168.7.20:2376", "192.168.7.20")]
    [InlineData("tcp://[fd00::5]:2376", "127.0.0.1")]
    [InlineData("not an address", "127.0.0.1")]
    public void For_Engine_PublishesWhereItCanBeReached(string engine, string expected) =>
        Assert.Equal(expected, EnginePublishAddress.For(engine));

    [Fact]
    public void Build_RemoteEngineAndNoPublishAddress_ItsAddress_TheEdgeToo()
    {
        var settings = Settings("engine: tcp://10.232.0.12:2376\nedge: { domain: tenants.test }\n");

        // DOCKER_HOST wins over engine: (as for the docker CLI), so the expectation follows it when the run has one.
        var expected = EnginePublishAddress.For(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } env ? env : "tcp://10.232.0.12:2376");
        Assert.Equal(expected, settings.PublishAddress);
        if (settings.EdgeOptions is { } edge)   // null only when the run's environment turns the edge off (PROVISIONER_EDGE=off)
        {
            Assert.Equal(expected, edge.Address);
        }
    }

    [Fact]
    public void Build_PublishAddressNamed_ItWins()
    {
        var settings = Settings("engine: tcp://10.232.0.12:2376\npublishAddress: 127.0.0.5\n");

        Assert.Equal("127.0.0.5", settings.PublishAddress);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ProvisionerSettings Settings(string yaml)
    {
        var file = Path.Combine(_dir, "provisioner.yaml");
        File.WriteAllText(file, yaml);
        return SettingsFromConfig.Build(ConfigLoader.Load(file, _dir), _dir);
    }
}
