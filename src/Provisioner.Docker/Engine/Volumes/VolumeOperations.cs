namespace Provisioner.Docker.Engine;

internal sealed class VolumeOperations(DockerTransport transport) : IVolumeOperations
{
    public async Task<IReadOnlyList<VolumeSummary>> ListAsync(DockerFilters? filters = null, CancellationToken cancellationToken = default)
    {
        var response = await transport.GetJsonAsync<VolumeListResponse>(
            DockerRequest.Get("/volumes", new QueryString().Add(filters)), cancellationToken).ConfigureAwait(false);
        return response.Volumes;
    }

    public Task<VolumeSummary> CreateAsync(VolumeCreateParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return transport.GetJsonAsync<VolumeSummary>(DockerRequest.PostJson("/volumes/create", parameters), cancellationToken);
    }

    public Task<VolumeSummary> InspectAsync(string name, CancellationToken cancellationToken = default) =>
        transport.GetJsonAsync<VolumeSummary>(
            DockerRequest.Get($"/volumes/{DockerPath.Segment(name, nameof(name))}"), cancellationToken);

    public Task RemoveAsync(string name, bool force = false, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            DockerRequest.Delete($"/volumes/{DockerPath.Segment(name, nameof(name))}", new QueryString().Add("force", force)),
            cancellationToken);
}
