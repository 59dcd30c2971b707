using Docker.DotNet.Models;
using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>Every resource on the engine this registry made (its owner label), whatever tenant it belongs to.</summary>
internal sealed partial class DockerBackend
{
    public Task<IReadOnlyList<OwnedResource>> OwnedResourcesAsync(CancellationToken ct) => Guard(async () =>
    {
        if (options.Owner is not { Length: > 0 } owner)
        {
            return (IReadOnlyList<OwnedResource>)[];
        }

        var filter = EngineFilters.Label($"{StampLabels.Owner}={owner}");
        var containers = _docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, ct);
        var networks = _docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, ct);
        var volumes = _docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, ct);
        await Task.WhenAll(containers, networks, volumes);
        var found = new List<OwnedResource>();
        found.AddRange((await containers).Select(c => Owned(c.Labels, ResourceType.Container, DockerObserver.Name(c))).OfType<OwnedResource>());
        found.AddRange((await networks).Select(n => Owned(n.Labels, ResourceType.Network, n.Name)).OfType<OwnedResource>());
        found.AddRange(((await volumes).Volumes ?? []).Select(v => Owned(v.Labels, ResourceType.Volume, v.Name)).OfType<OwnedResource>());
        return found;
    }, ct);

    private static OwnedResource? Owned(IDictionary<string, string>? labels, ResourceType type, string name) =>
        labels is not null && labels.TryGetValue(StampLabels.Tenant, out var tenant) ? new OwnedResource(tenant, type, name) : null;
}
