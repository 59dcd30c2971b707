using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class ApiVersionNegotiationTests
{
    private const string InfoJson = """{"ID":"abc","NCPU":4,"MemTotal":1024}""";

    [Theory]
    [InlineData("1.45", "1.41", "1.41")]
    [InlineData("1.41", "1.41", "1.41")]
    [InlineData("1.40", "1.41", "1.40")]
    [InlineData("1.9", "1.41", "1.9")]
    [InlineData("1.45", "1.43", "1.43")]
    public async Task PingAsync_ServerAndMaxVersions_ReturnsLowerOfTheTwo(string server, string max, string expected)
    {
        var handler = new FakeDockerHandler { ServerApiVersion = server };
        using var client = FakeClient.Create(handler, new DockerClientOptions { Endpoint = "unix:///fake.sock", MaxApiVersion = max });

        var negotiated = await client.System.PingAsync();

        Assert.Equal(expected, negotiated);
    }

    [Fact]
    public async Task PingAsync_NoApiVersionHeader_FallsBackToOldestSupported()
    {
        var handler = new FakeDockerHandler { ServerApiVersion = null };
        using var client = FakeClient.Create(handler);

        Assert.Equal("1.24", await client.System.PingAsync());
    }

    [Fact]
    public async Task PingAsync_Always_UsesUnversionedPath()
    {
        var handler = new FakeDockerHandler();
        using var client = FakeClient.Create(handler);

        await client.System.PingAsync();

        Assert.Equal("/_ping", Assert.Single(handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetInfoAsync_FirstCall_PingsThenPrefixesPathWithNegotiatedVersion()
    {
        var handler = new FakeDockerHandler { ServerApiVersion = "1.43" }.OnJson(HttpMethod.Get, "/info", InfoJson);
        using var client = FakeClient.Create(handler);

        var info = await client.System.GetInfoAsync();

        Assert.Equal(["/_ping", "/v1.41/info"], handler.Requests.Select(r => r.PathAndQuery));
        Assert.Equal(4, info.NCpu);
    }

    [Fact]
    public async Task ApiCalls_Repeated_NegotiateOnlyOnce()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Get, "/info", InfoJson);
        using var client = FakeClient.Create(handler);

        await client.System.GetInfoAsync();
        await client.System.GetInfoAsync();
        await client.System.GetInfoAsync();

        Assert.Equal(1, handler.PingCount);
    }

    [Fact]
    public async Task ApiCalls_ConcurrentFirstCalls_ShareOnePing()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Get, "/info", InfoJson);
        using var client = FakeClient.Create(handler);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.System.GetInfoAsync()));

        Assert.Equal(1, handler.PingCount);
        Assert.All(handler.ApiRequests, request => Assert.Equal("/v1.41/info", request.Path));
    }

    [Fact]
    public async Task ApiCalls_FirstPingFails_NextCallNegotiatesAgain()
    {
        var handler = new FakeDockerHandler().OnJson(HttpMethod.Get, "/info", InfoJson);
        handler.On(HttpMethod.Get, "/_ping", () => throw new HttpRequestException("Connection refused"));
        using var client = FakeClient.Create(handler);
        await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.System.GetInfoAsync());

        handler.On(HttpMethod.Get, "/_ping", () =>
        {
            var ping = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
            ping.Headers.Add("Api-Version", "1.41");
            return ping;
        });
        var info = await client.System.GetInfoAsync();

        Assert.Equal("abc", info.Id);
    }
}
