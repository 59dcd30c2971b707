using System.Net;
using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task InspectAsync_Engine404_ThrowsNotFoundWithEngineMessage()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/containers/missing/json",
            () => FakeDockerHandler.Error(HttpStatusCode.NotFound, "No such container: missing"));
        using var client = FakeClient.Create(handler);

        var error = await Assert.ThrowsAsync<DockerNotFoundException>(() => client.Containers.InspectAsync("missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("No such container: missing", error.EngineMessage);
        Assert.Equal("GET /v1.41/containers/missing/json", error.Request);
        Assert.Contains("No such container: missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Engine409_ThrowsConflict()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Post, "/networks/create",
            () => FakeDockerHandler.Error(HttpStatusCode.Conflict, "network with name t-acme already exists"));
        using var client = FakeClient.Create(handler);

        var error = await Assert.ThrowsAsync<DockerConflictException>(
            () => client.Networks.CreateAsync(new NetworkCreateParameters { Name = "t-acme" }));

        Assert.Equal("network with name t-acme already exists", error.EngineMessage);
        Assert.IsAssignableFrom<DockerApiException>(error);
    }

    [Fact]
    public async Task RemoveAsync_Engine500_ThrowsApiExceptionWithStatusAndMessage()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Delete, "/volumes/v1",
            () => FakeDockerHandler.Error(HttpStatusCode.InternalServerError, "driver failed"));
        using var client = FakeClient.Create(handler);

        var error = await Assert.ThrowsAsync<DockerApiException>(() => client.Volumes.RemoveAsync("v1"));

        Assert.Equal(typeof(DockerApiException), error.GetType());
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("driver failed", error.EngineMessage);
    }

    [Fact]
    public async Task GetInfoAsync_NonJsonErrorBody_UsesRawBody()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/info",
            () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream gone") });
        using var client = FakeClient.Create(handler);

        var error = await Assert.ThrowsAsync<DockerApiException>(() => client.System.GetInfoAsync());

        Assert.Equal("upstream gone", error.EngineMessage);
    }

    [Fact]
    public async Task StartAsync_Engine304AlreadyStarted_Succeeds()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Post, "/containers/c1/start",
            () => new HttpResponseMessage(HttpStatusCode.NotModified));
        using var client = FakeClient.Create(handler);

        await client.Containers.StartAsync("c1");
    }

    [Fact]
    public async Task StopAsync_Engine304AlreadyStopped_SucceedsAndSendsTimeout()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Post, "/containers/c1/stop",
            () => new HttpResponseMessage(HttpStatusCode.NotModified));
        using var client = FakeClient.Create(handler);

        await client.Containers.StopAsync("c1", timeoutSeconds: 5);

        Assert.Equal("t=5", Assert.Single(handler.ApiRequests).Query);
    }

    [Fact]
    public async Task InspectAsync_Engine304OnGet_IsAnError()
    {
        var handler = new FakeDockerHandler().On(HttpMethod.Get, "/containers/c1/json",
            () => new HttpResponseMessage(HttpStatusCode.NotModified));
        using var client = FakeClient.Create(handler);

        await Assert.ThrowsAsync<DockerApiException>(() => client.Containers.InspectAsync("c1"));
    }

    [Fact]
    public void Exceptions_AllTypes_DeriveFromDockerException()
    {
        Assert.True(typeof(DockerException).IsAssignableFrom(typeof(DockerApiException)));
        Assert.True(typeof(DockerApiException).IsAssignableFrom(typeof(DockerNotFoundException)));
        Assert.True(typeof(DockerApiException).IsAssignableFrom(typeof(DockerConflictException)));
        Assert.True(typeof(DockerException).IsAssignableFrom(typeof(DockerEngineUnreachableException)));
    }
}
