using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Swarm.Backend;

/// <summary>Reads what exists for a tenant on the cluster: label-filtered lists of services (with their tasks), networks and secrets.</summary>
internal static class SwarmObserver
{
    public static async Task<TenantServices> ReadAsync(IDockerClient manager, string tenant, CancellationToken ct)
    {
        var filter = EngineFilters.Label(StampLabels.TenantFilter(tenant));
        var services = manager.Swarm.ListServicesAsync(new ServiceListParameters { Filters = filter }, ct);
        var networks = manager.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, ct);
        var secrets = manager.Secrets.ListAsync(ct);
        await Task.WhenAll(services, networks, secrets);
        var ids = (await services).Select(s => s.ID).ToList();
        var tasks = ids.Count == 0
            ? []
            : await manager.Tasks.ListAsync(
                new TasksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = ids.ToDictionary(id => id, _ => true) } }, ct);
        var byService = tasks.GroupBy(t => t.ServiceID ?? "").ToDictionary(g => g.Key, g => (IReadOnlyList<TaskResponse>)g.OrderByDescending(t => t.CreatedAt).ToList());
        return new TenantServices(
            (await services).Select(s => new ServiceTasks(s, byService.GetValueOrDefault(s.ID) ?? [])).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            (await networks).Where(n => n.Scope == "swarm").ToList(),
            (await secrets).Where(s => s.Spec?.Labels?.TryGetValue(StampLabels.Tenant, out var t) == true && t == tenant).ToList());
    }

    /// <summary>
    /// The tenant as the reconcile planner reads it: services as containers, overlay networks, and the volumes its services
    /// mount (a volume lives on the node of its service's task; the manager cannot list it, so a mounted volume counts as there).
    /// </summary>
    public static ObservedState ToObserved(TenantServices read) => new(
        read.Networks.Select(n => new ObservedResource(n.Name, Labels(n.Labels))).ToList(),
        read.Services
            .SelectMany(s => s.Service.Spec?.TaskTemplate?.ContainerSpec?.Mounts ?? [])
            .Where(m => m.Type == "volume")
            .Select(m => new ObservedResource(m.Source ?? "", Labels(m.VolumeOptions?.Labels)))
            .ToList(),
        read.Services.Select(s =>
        {
            var (state, exit) = s.State();
            return new ObservedContainer(s.Service.ID, s.Name, state, exit, Labels(s.Labels));
        }).ToList());

    private static IReadOnlyDictionary<string, string> Labels(IDictionary<string, string>? labels) =>
        labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(labels, StringComparer.Ordinal);
}
