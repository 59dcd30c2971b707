using System.Net;
using System.Net.Sockets;
using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class RetryTests
{
    private static HttpRequestException Refused() =>
        new("Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public async Task GetAsync_OneTransientFailure_RetriedAndSucceeds()
    {
        var attempts = 0;
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/info", () =>
            ++attempts == 1 ? throw Refused() : FakeDockerHandler.Json("""{"ID":"x"}"""));
        using var client = FakeClient.Create(handler);

        var info = await client.System.GetInfoAsync();

        Assert.Equal("x", info.Id);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task GetAsync_AlwaysFailing_ThreeAttemptsThenUnreachable()
    {
        var attempts = 0;
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/containers/json", () => { attempts++; throw Refused(); });
        using var client = FakeClient.Create(handler);

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.Containers.ListAsync());

        Assert.Equal(3, attempts);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_ConnectionRefused_GivesUpAfterThreeAttempts()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/_ping", () => throw Refused());
        using var client = FakeClient.Create(handler);

        await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.System.PingAsync());

        Assert.Equal(3, handler.PingCount);
    }

    [Fact]
    public async Task PostAsync_TransientFailure_NotRetried()
    {
        var attempts = 0;
        var handler = new FakeDockerHandler().On(HttpMethod.Post, "/containers/c1/start", () => { attempts++; throw Refused(); });
        using var client = FakeClient.Create(handler);

        await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.Containers.StartAsync("c1"));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task DeleteAsync_TransientFailure_NotRetried()
    {
        var attempts = 0;
        var handler = new FakeDockerHandler().On(HttpMethod.Delete, "/networks/n1", () => { attempts++; throw Refused(); });
        using var client = FakeClient.Create(handler);

        await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.Networks.RemoveAsync("n1"));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task GetAsync_EngineErrorStatus_NotRetried()
    {
        var attempts = 0;
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/info", () =>
        {
            attempts++;
            return FakeDockerHandler.Error(HttpStatusCode.InternalServerError, "boom");
        });
        using var client = FakeClient.Create(handler);

        await Assert.ThrowsAsync<DockerApiException>(() => client.System.GetInfoAsync());

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task GetAsync_EngineNeverAnswers_UnreachableAfterRequestTimeout()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/info", async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return FakeDockerHandler.Json("{}");
        });
        var options = new DockerClientOptions { Endpoint = "unix:///fake.sock", RequestTimeout = TimeSpan.FromMilliseconds(200) };
        using var client = FakeClient.Create(handler, options);

        var error = await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.System.GetInfoAsync());

        Assert.Contains("no response within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/info", async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return FakeDockerHandler.Json("{}");
        });
        using var client = FakeClient.Create(handler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.System.GetInfoAsync(cancellation.Token));
    }
}
