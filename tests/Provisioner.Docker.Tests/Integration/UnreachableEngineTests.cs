using System.Diagnostics;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class UnreachableEngineTests
{
    [Fact]
    public async Task PingAsync_SocketDoesNotExist_ThrowsUnreachableSayingHowToStartTheEngine()
    {
        var endpoint = $"unix:///tmp/no-engine-{Guid.NewGuid():N}.sock";
        using var client = DockerClientFactory.Create(new DockerClientOptions { Endpoint = endpoint });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.System.PingAsync(deadline.Token));

        Assert.Equal(endpoint, error.Endpoint);
        Assert.StartsWith($"Cannot reach the Docker engine at {endpoint}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("`make engine`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`dockerd &`", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("or set DOCKER_HOST.", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed}");
    }

    [Fact]
    public async Task ListAsync_SocketDoesNotExist_ThrowsUnreachableBeforeAnyApiCall()
    {
        using var client = DockerClientFactory.Create(new DockerClientOptions { Endpoint = $"unix:///tmp/no-engine-{Guid.NewGuid():N}.sock" });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.Containers.ListAsync(cancellationToken: deadline.Token));

        Assert.IsAssignableFrom<DockerException>(error);
    }

    [Fact]
    public async Task PingAsync_TcpPortRefusesConnections_ThrowsUnreachable()
    {
        using var client = DockerClientFactory.Create(new DockerClientOptions { Endpoint = "tcp://127.0.0.1:1" });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.System.PingAsync(deadline.Token));

        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("tcp://127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }
}
