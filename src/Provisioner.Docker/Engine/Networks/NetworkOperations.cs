namespace Provisioner.Docker.Engine;

internal sealed class NetworkOperations(DockerTransport transport) : INetworkOperations
{
    public Task<IReadOnlyList<NetworkSummary>> ListAsync(DockerFilters? filters = null, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<IReadOnlyList<NetworkSummary>>(
            DockerRequest.Get("/networks", new QueryString().Add(filters)), cancellationToken);

    public async Task<string> CreateAsync(NetworkCreateParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameters.Name, nameof(parameters));
        var created = await transport.GetJsonAsync<IdResponse>(
            DockerRequest.PostJson("/networks/create", parameters), cancellationToken).ConfigureAwait(false);
        return created.Id;
    }

    public Task<NetworkInspect> InspectAsync(string idOrName, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<NetworkInspect>(
            DockerRequest.Get($"/networks/{DockerPath.Segment(idOrName, nameof(idOrName))}"), cancellationToken);

    public Task RemoveAsync(string idOrName, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            DockerRequest.Delete($"/networks/{DockerPath.Segment(idOrName, nameof(idOrName))}"), cancellationToken);

    public Task ConnectAsync(string network, string containerId, IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        var body = new NetworkConnectRequest
        {
            Container = containerId,
            EndpointConfig = aliases is { Count: > 0 } ? new EndpointSettings { Aliases = aliases } : null,
        };
        return transport.SendAsync(
            DockerRequest.PostJson($"/networks/{DockerPath.Segment(network, nameof(network))}/connect", body), cancellationToken);
    }

    public Task DisconnectAsync(string network, string containerId, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        var body = new NetworkDisconnectRequest { Container = containerId, Force = force };
        return transport.SendAsync(
            DockerRequest.PostJson($"/networks/{DockerPath.Segment(network, nameof(network))}/disconnect", body), cancellationToken);
    }
}
