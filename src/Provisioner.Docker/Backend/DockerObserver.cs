using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>Reads what exists for a tenant: one label-filtered list per resource kind.</summary>
internal static class DockerObserver
{
    public static async Task<ObservedState> ObserveAsync(IDockerClient docker, string tenant, CancellationToken ct)
    {
        var filter = DockerFilters.Label(StampLabels.TenantFilter(tenant));
        var networks = docker.Networks.ListAsync(filter, ct);
        var volumes = docker.Volumes.ListAsync(filter, ct);
        var containers = docker.Containers.ListAsync(all: true, filter, ct);
        await Task.WhenAll(networks, volumes, containers);
        return new ObservedState(
            (await networks).Select(n => new ObservedResource(n.Name, n.Labels)).ToList(),
            (await volumes).Select(v => new ObservedResource(v.Name, v.Labels)).ToList(),
            (await containers).Select(c => new ObservedContainer(c.Id, c.Name, c.State, ReconcilePlanner.ExitCodeFromStatus(c.Status), c.Labels)).ToList());
    }
}
