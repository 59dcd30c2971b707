using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

/// <summary>The real Docker.DotNet client over a fake transport: reads are retried on transport failures, writes never.</summary>
public sealed class IdempotentRetryTests
{
    private static HttpRequestException Refused() => new("Connection failed.", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public async Task ListContainersAsync_OneTransientFailure_RetriedAndSucceeds()
    {
        var attempts = 0;
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "containers/json", () =>
            ++attempts == 1 ? throw Refused() : FakeEngineHandler.Json("""[{"Id":"c1","Names":["/t-acme-db"]}]"""));
        using var engine = FakeEngine.Create(handler);

        var listed = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });

        Assert.Equal("c1", Assert.Single(listed).ID);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task InspectContainerAsync_AlwaysFailing_ThreeAttemptsThenTheTransportError()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "containers/c1/json", () => throw Refused());
        using var engine = FakeEngine.Create(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => engine.Client.Containers.InspectContainerAsync("c1"));

        Assert.Equal(EngineRetryPipeline.MaxAttempts, handler.Count(HttpMethod.Get, "containers/c1/json"));
    }

    [Fact]
    public async Task PingAsync_RefusedTcpShape_Retried()
    {
        var attempts = 0;
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "_ping", () =>
            ++attempts < 3 ? throw new AggregateException(new SocketException((int)SocketError.ConnectionRefused)) : new HttpResponseMessage(HttpStatusCode.OK));
        using var engine = FakeEngine.Create(handler);

        await engine.Client.System.PingAsync();

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task CreateContainerAsync_TransientFailure_SentOnce()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Post, "containers/create", () => throw Refused());
        using var engine = FakeEngine.Create(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters { Image = "notes-app:1.1.0" }));

        Assert.Equal(1, handler.Count(HttpMethod.Post, "containers/create"));
    }

    [Fact]
    public async Task StartContainerAsync_TransientFailure_SentOnce()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Post, "containers/c1/start", () => throw Refused());
        using var engine = FakeEngine.Create(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => engine.Client.Containers.StartContainerAsync("c1", null));

        Assert.Equal(1, handler.Count(HttpMethod.Post, "containers/c1/start"));
    }

    [Fact]
    public async Task CreateContainerExecAsync_TransientFailure_SentOnce()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Post, "containers/c1/exec", () => throw Refused());
        using var engine = FakeEngine.Create(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => engine.Client.Exec.CreateContainerExecAsync("c1", new ContainerExecCreateParameters { Cmd = ["true"] }));

        Assert.Equal(1, handler.Count(HttpMethod.Post, "containers/c1/exec"));
    }

    [Fact]
    public async Task DeleteNetworkAsync_TransientFailure_SentOnce()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Delete, "networks/n1", () => throw Refused());
        using var engine = FakeEngine.Create(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => engine.Client.Networks.DeleteNetworkAsync("n1"));

        Assert.Equal(1, handler.Count(HttpMethod.Delete, "networks/n1"));
    }

    [Fact]
    public async Task GetSystemInfoAsync_EngineAnswersWithError_NotRetried()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "info", () => FakeEngineHandler.Error(HttpStatusCode.InternalServerError, "boom"));
        using var engine = FakeEngine.Create(handler);

        var error = await Assert.ThrowsAsync<DockerApiException>(() => engine.Client.System.GetSystemInfoAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, handler.Count(HttpMethod.Get, "info"));
    }

    [Fact]
    public async Task GetSystemInfoAsync_EngineNeverAnswers_ClientTimeoutAndNoRetry()
    {
        var handler = new FakeEngineHandler().On(HttpMethod.Get, "info", async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return FakeEngineHandler.Json("{}");
        });
        using var engine = FakeEngine.Create(handler, requestTimeout: TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<TaskCanceledException>(() => engine.Client.System.GetSystemInfoAsync());

        Assert.Equal(1, handler.Count(HttpMethod.Get, "info"));
    }

    [Fact]
    public void IsTransportFailure_Shapes_OnlyConnectionFailures()
    {
        Assert.True(EngineRetryPipeline.IsTransportFailure(Refused()));
        Assert.True(EngineRetryPipeline.IsTransportFailure(new IOException("reset")));
        Assert.True(EngineRetryPipeline.IsTransportFailure(new AggregateException(new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(EngineRetryPipeline.IsTransportFailure(new TaskCanceledException()));
        Assert.False(EngineRetryPipeline.IsTransportFailure(new DockerApiException(HttpStatusCode.ServiceUnavailable, "")));
        Assert.False(EngineRetryPipeline.IsTransportFailure(new AggregateException(new InvalidOperationException())));
    }
}
