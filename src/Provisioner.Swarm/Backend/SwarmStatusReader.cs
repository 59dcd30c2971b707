using Provisioner.Core.Backends;
using Provisioner.Core.Stamps;
using Provisioner.Swarm.Cluster;

namespace Provisioner.Swarm.Backend;

/// <summary>The live view of a tenant for <c>status</c>: each service with its task's state, limits, published address and node.</summary>
internal static class SwarmStatusReader
{
    public static TenantObservation Read(string tenant, TenantServices read, IReadOnlyList<SwarmNode> nodes)
    {
        var components = new List<ComponentObservation>();
        foreach (var s in read.Services)
        {
            var task = s.Current;
            var node = nodes.FirstOrDefault(n => n.Id == task?.NodeID);
            var limits = s.Service.Spec?.TaskTemplate?.Resources?.Limits;
            var port = s.Service.Spec?.EndpointSpec?.Ports?.FirstOrDefault()?.PublishedPort;
            var (state, _) = s.State();
            var pinned = s.Labels.TryGetValue(SwarmLabels.Node, out var p) ? nodes.FirstOrDefault(n => n.Hostname == p) : null;
            var down = pinned is { IsReady: false } ? pinned : node is { IsReady: false } ? node : null;
            var status = down is null
                ? s.Describe()
                : pinned == down
                    ? $"node {down.Hostname} is {down.State}: this component is pinned there (its data); bring the node back, or restore the tenant's backup on another node"
                    : $"node {down.Hostname} is {down.State}: Swarm reschedules this component on another node";
            if (down is not null)
            {
                state = ComponentState.Unknown;
            }

            components.Add(new ComponentObservation(
                s.Component,
                s.Name,
                s.IsJob ? WorkloadKind.Job : WorkloadKind.Service,
                state,
                s.Service.Spec?.TaskTemplate?.ContainerSpec?.Image ?? "",
                s.Labels.TryGetValue(StampLabels.Template, out var template) ? template : null,
                status,
                state == ComponentState.Running ? task?.Status?.Timestamp : null,
                limits?.NanoCPUs is > 0 and var cpu ? cpu / 1e9 : null,
                limits?.MemoryBytes is > 0 and var memory ? memory : null,
                port is null || node is null || state != ComponentState.Running ? null : $"{node.Address}:{port}")
            {
                Node = node?.Hostname,
            });
        }

        return new TenantObservation(
            tenant,
            components,
            read.Networks.Select(n => n.Name).ToList(),
            read.Services.SelectMany(s => s.Service.Spec?.TaskTemplate?.ContainerSpec?.Mounts ?? []).Where(m => m.Type == "volume").Select(m => m.Source ?? "").ToList());
    }
}
