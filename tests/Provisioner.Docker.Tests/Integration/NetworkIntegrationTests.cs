using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class NetworkIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task CreateListInspectRemove_InternalNetwork_RoundTrips()
    {
        var networks = _run.Client.Networks;
        var name = _run.Name("net");
        var labels = new Dictionary<string, string>(_run.Labels) { ["provisioner.tenant"] = "acme" };

        var id = await networks.CreateAsync(new NetworkCreateParameters { Name = name, Internal = true, Labels = labels }, _run.Deadline());

        var listed = Assert.Single(await networks.ListAsync(_run.Filter, _run.Deadline()));
        Assert.Equal(id, listed.Id);
        Assert.Equal(name, listed.Name);
        Assert.Equal("bridge", listed.Driver);
        Assert.True(listed.Internal);
        Assert.Equal("acme", listed.Labels["provisioner.tenant"]);

        var inspect = await networks.InspectAsync(name, _run.Deadline());
        Assert.Equal(id, inspect.Id);
        Assert.True(inspect.Internal);
        Assert.Empty(inspect.Containers);

        await networks.RemoveAsync(id, _run.Deadline());
        await Assert.ThrowsAsync<DockerNotFoundException>(() => networks.InspectAsync(id, _run.Deadline()));
        Assert.Empty(await networks.ListAsync(_run.Filter, _run.Deadline()));
    }

    [Fact]
    public async Task CreateAsync_NameTaken_ThrowsConflict()
    {
        var parameters = new NetworkCreateParameters { Name = _run.Name("dup"), Labels = _run.Labels };
        await _run.Client.Networks.CreateAsync(parameters, _run.Deadline());

        var error = await Assert.ThrowsAsync<DockerConflictException>(() => _run.Client.Networks.CreateAsync(parameters, _run.Deadline()));

        Assert.Contains(parameters.Name, error.EngineMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAsync_Missing_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<DockerNotFoundException>(() => _run.Client.Networks.RemoveAsync(_run.Name("missing"), _run.Deadline()));
    }

    [Fact]
    public async Task ListAsync_OtherRunsLabel_DoesNotSeeThisRunsNetworks()
    {
        await _run.Client.Networks.CreateAsync(new NetworkCreateParameters { Name = _run.Name("mine"), Labels = _run.Labels }, _run.Deadline());

        var others = await _run.Client.Networks.ListAsync(DockerFilters.Label($"{TestRun.LabelKey}={Guid.NewGuid():N}"), _run.Deadline());

        Assert.Empty(others);
    }

    [Fact]
    public async Task ConnectDisconnect_RunningContainer_ShowsInBothInspects()
    {
        var first = _run.Name("first");
        var second = _run.Name("second");
        await _run.Client.Networks.CreateAsync(new NetworkCreateParameters { Name = first, Internal = true, Labels = _run.Labels }, _run.Deadline());
        await _run.Client.Networks.CreateAsync(new NetworkCreateParameters { Name = second, Internal = true, Labels = _run.Labels }, _run.Deadline());
        var container = await _run.StartSleeperAsync(
            "netc",
            new HostConfig { NetworkMode = first },
            new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { [first] = new() { Aliases = ["db"] } } });

        await _run.Client.Networks.ConnectAsync(second, container, ["db-alias"], _run.Deadline());

        var inspect = await _run.Client.Containers.InspectAsync(container, _run.Deadline());
        Assert.Contains("db", inspect.NetworkSettings.Networks[first].Aliases ?? []);
        Assert.Contains("db-alias", inspect.NetworkSettings.Networks[second].Aliases ?? []);
        Assert.False(string.IsNullOrEmpty(inspect.NetworkSettings.Networks[first].IPAddress));
        var network = await _run.Client.Networks.InspectAsync(second, _run.Deadline());
        var attached = Assert.Single(network.Containers);
        Assert.Equal(container, attached.Key);
        Assert.Equal(_run.Name("netc"), attached.Value.Name);
        Assert.Contains('/', attached.Value.IPv4Address);

        await _run.Client.Networks.DisconnectAsync(second, container, force: false, _run.Deadline());

        Assert.Empty((await _run.Client.Networks.InspectAsync(second, _run.Deadline())).Containers);
    }

    [Fact]
    public async Task CreateContainer_TwoNetworksInEndpointsConfig_EngineRejectsWith400()
    {
        await TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660));
        var a = _run.Name("two-a");
        var b = _run.Name("two-b");
        await _run.Client.Networks.CreateAsync(new NetworkCreateParameters { Name = a, Labels = _run.Labels }, _run.Deadline());
        await _run.Client.Networks.CreateAsync(new NetworkCreateParameters { Name = b, Labels = _run.Labels }, _run.Deadline());
        var parameters = new ContainerCreateParameters
        {
            Image = TestRun.BaseImage,
            Labels = _run.Labels,
            HostConfig = new HostConfig { NetworkMode = a },
            NetworkingConfig = new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { [a] = new(), [b] = new() } },
        };

        var error = await Assert.ThrowsAsync<DockerApiException>(() => _run.Client.Containers.CreateAsync(_run.Name("two"), parameters, _run.Deadline()));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("cannot be connected to network endpoints", error.EngineMessage, StringComparison.Ordinal);
    }
}
