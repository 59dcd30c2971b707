using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class NetworkIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task CreateIfAbsent_InternalNetwork_ListedInspectedRemoved()
    {
        var networks = _run.Client.Networks;
        var name = _run.Name("net1");
        var labels = new Dictionary<string, string>(_run.Labels) { ["provisioner.tenant"] = "acme" };

        var id = await NetworkGuard.CreateIfAbsentAsync(networks, new NetworksCreateParameters { Name = name, Driver = "bridge", Internal = true, Labels = labels }, _run.Deadline());

        var listed = Assert.Single(await networks.ListNetworksAsync(new NetworksListParameters { Filters = _run.Filter }, _run.Deadline()));
        Assert.Equal((id, name, "bridge", true, "acme"), (listed.ID, listed.Name, listed.Driver, listed.Internal, listed.Labels["provisioner.tenant"]));
        Assert.Empty((await networks.InspectNetworkAsync(name, _run.Deadline())).Containers);

        await networks.DeleteNetworkAsync(id, _run.Deadline());

        var gone = await Assert.ThrowsAnyAsync<DockerApiException>(() => networks.InspectNetworkAsync(id, _run.Deadline()));
        Assert.True(EngineErrorMapping.IsNotFound(gone));
    }

    [Fact]
    public async Task CreateIfAbsent_SameNameTwice_OneNetworkOnTheEngine()
    {
        var parameters = new NetworksCreateParameters { Name = _run.Name("dup"), Driver = "bridge", Labels = _run.Labels };

        var first = await NetworkGuard.CreateIfAbsentAsync(_run.Client.Networks, parameters, _run.Deadline());
        var second = await NetworkGuard.CreateIfAbsentAsync(_run.Client.Networks, parameters, _run.Deadline());

        Assert.Equal(first, second);
        var named = await _run.Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(parameters.Name) }, _run.Deadline());
        Assert.Single(named, n => n.Name == parameters.Name);
    }

    [Fact]
    public async Task DeleteNetworkAsync_Missing_NotFound()
    {
        var error = await Assert.ThrowsAnyAsync<DockerApiException>(() => _run.Client.Networks.DeleteNetworkAsync(_run.Name("missing"), _run.Deadline()));

        Assert.True(EngineErrorMapping.IsNotFound(error));
    }

    [Fact]
    public async Task ListNetworksAsync_OtherRunsLabel_DoesNotSeeThisRunsNetworks()
    {
        await _run.EnsureNetworkAsync();

        var others = await _run.Client.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = EngineFilters.Label($"{TestRun.LabelKey}={Guid.NewGuid():N}") }, _run.Deadline());

        Assert.Empty(others);
    }

    [Fact]
    public async Task ConnectNetworkAsync_RunningContainer_ReachableUnderAliasesOnBoth()
    {
        var second = _run.Name("second");
        await NetworkGuard.CreateIfAbsentAsync(_run.Client.Networks, new NetworksCreateParameters { Name = second, Driver = "bridge", Internal = true, Labels = _run.Labels }, _run.Deadline());
        var parameters = await _run.ParametersAsync("netc", ["sleep", "infinity"]);
        parameters.NetworkingConfig = new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { [_run.Network] = new() { Aliases = ["db"] } } };
        var container = (await _run.Client.Containers.CreateContainerAsync(parameters, _run.Deadline())).ID;
        await _run.Client.Containers.StartContainerAsync(container, null, _run.Deadline());

        await _run.Client.Networks.ConnectNetworkAsync(second, new NetworkConnectParameters { Container = container, EndpointConfig = new EndpointSettings { Aliases = ["db-alias"] } }, _run.Deadline());

        var inspect = await _run.Client.Containers.InspectContainerAsync(container, _run.Deadline());
        Assert.Contains("db", inspect.NetworkSettings!.Networks[_run.Network].Aliases);
        Assert.Contains("db-alias", inspect.NetworkSettings.Networks[second].Aliases);
        Assert.Equal(container, Assert.Single((await _run.Client.Networks.InspectNetworkAsync(second, _run.Deadline())).Containers).Key);
    }

    [Fact]
    public async Task CreateContainer_TwoNetworksInEndpointsConfig_EngineRejectsWith400MappedToOneLine()
    {
        var other = _run.Name("two-b");
        await NetworkGuard.CreateIfAbsentAsync(_run.Client.Networks, new NetworksCreateParameters { Name = other, Driver = "bridge", Labels = _run.Labels }, _run.Deadline());
        var parameters = await _run.ParametersAsync("two", ["true"]);
        parameters.NetworkingConfig = new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings> { [_run.Network] = new(), [other] = new() } };

        var error = await Assert.ThrowsAsync<DockerApiException>(() => _run.Client.Containers.CreateContainerAsync(parameters, _run.Deadline()));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        var mapped = EngineErrorMapping.Map(error, _run.Engine.Endpoint, _run.Engine.RequestTimeout, default, _ => null);
        Assert.StartsWith("Docker engine: 400 BadRequest: ", mapped!.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be connected to network endpoints", mapped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', mapped.Message);
    }
}
