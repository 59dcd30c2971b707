using Docker.DotNet.Models;
using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class NetworkGuardTests
{
    private static readonly NetworksCreateParameters AcmeApp = new() { Name = "t-acme-app", Driver = "bridge" };

    [Fact]
    public async Task CreateIfAbsentAsync_NetworkWithThatNameExists_ReturnsItsIdWithoutCreating()
    {
        var handler = new FakeEngineHandler()
            .On(HttpMethod.Get, "networks", () => FakeEngineHandler.Json("""[{"Name":"t-acme-app","Id":"existing"}]"""))
            .On(HttpMethod.Post, "networks/create", () => FakeEngineHandler.Json("""{"Id":"second"}""", System.Net.HttpStatusCode.Created));
        using var engine = FakeEngine.Create(handler);

        var id = await NetworkGuard.CreateIfAbsentAsync(engine.Client.Networks, AcmeApp, CancellationToken.None);

        Assert.Equal("existing", id);
        Assert.Equal(0, handler.Count(HttpMethod.Post, "networks/create"));
        Assert.Contains("\"name\":{\"t-acme-app\":true}", Assert.Single(handler.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIfAbsentAsync_OnlyLongerNamesMatchTheFilter_CreatesOnce()
    {
        var handler = new FakeEngineHandler()
            .On(HttpMethod.Get, "networks", () => FakeEngineHandler.Json("""[{"Name":"t-acme-app-old","Id":"other"}]"""))
            .On(HttpMethod.Post, "networks/create", () => FakeEngineHandler.Json("""{"Id":"new"}""", System.Net.HttpStatusCode.Created));
        using var engine = FakeEngine.Create(handler);

        var id = await NetworkGuard.CreateIfAbsentAsync(engine.Client.Networks, AcmeApp, CancellationToken.None);

        Assert.Equal("new", id);
        var create = Assert.Single(handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Contains("\"Name\":\"t-acme-app\"", create.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIfAbsentAsync_CalledTwice_SecondFindsTheFirst()
    {
        var created = new List<string>();
        var handler = new FakeEngineHandler()
            .On(HttpMethod.Get, "networks", () => FakeEngineHandler.Json(created.Count == 0 ? "[]" : """[{"Name":"t-acme-app","Id":"n1"}]"""))
            .On(HttpMethod.Post, "networks/create", () =>
            {
                created.Add("n1");
                return FakeEngineHandler.Json("""{"Id":"n1"}""", System.Net.HttpStatusCode.Created);
            });
        using var engine = FakeEngine.Create(handler);

        var first = await NetworkGuard.CreateIfAbsentAsync(engine.Client.Networks, AcmeApp, CancellationToken.None);
        var second = await NetworkGuard.CreateIfAbsentAsync(engine.Client.Networks, AcmeApp, CancellationToken.None);

        Assert.Equal(("n1", "n1"), (first, second));
        Assert.Single(created);
    }
}
