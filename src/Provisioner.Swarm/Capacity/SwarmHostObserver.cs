using Docker.DotNet.Models;
using Provisioner.Core.Backends;
using Provisioner.Core.Capacity;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;
using Provisioner.Swarm.Cluster;

namespace Provisioner.Swarm.Capacity;

/// <summary>
/// The cluster as hosts for capacity: every node that is Ready and Active, with the CPUs and memory it reports, and every
/// tenant service with its reservations (requests) and limits, counted on the node its task runs on (or is pinned to). Disk is not known
/// (a node's engine is not asked). Usage is not sampled on a cluster.
/// </summary>
internal sealed class SwarmHostObserver(DockerEngine manager, string cluster) : IHostObserver
{
    public string Host => cluster;

    public Task<HostObservation> ObserveAsync(bool measureUsage, CancellationToken ct) => EngineErrorMapping.Guard(manager, async () =>
    {
        var nodes = await SwarmNodes.ListAsync(manager.Client, ct);
        var usable = nodes.Where(n => n.Schedulable).ToList();
        var filter = EngineFilters.Label($"{StampLabels.Managed}=true");
        var services = await manager.Client.Swarm.ListServicesAsync(new ServiceListParameters { Filters = filter }, ct);
        var tasks = await manager.Client.Tasks.ListAsync(
            new TasksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["desired-state"] = new Dictionary<string, bool> { ["running"] = true } } }, ct);
        var nodeOfService = tasks.Where(t => t.NodeID is not null).GroupBy(t => t.ServiceID ?? "").ToDictionary(g => g.Key, g => g.First().NodeID ?? "");
        var workloads = new List<ObservedWorkload>();
        foreach (var s in services)
        {
            IReadOnlyDictionary<string, string> labels = s.Spec?.Labels is { } l ? new Dictionary<string, string>(l) : new Dictionary<string, string>();
            if (!labels.TryGetValue(StampLabels.Tenant, out var tenant))
            {
                continue;
            }

            var pinned = labels.TryGetValue(Backend.SwarmLabels.Node, out var p) ? p : null;
            var host = pinned ?? nodes.FirstOrDefault(n => n.Id == nodeOfService.GetValueOrDefault(s.ID))?.Hostname;
            var limits = s.Spec?.TaskTemplate?.Resources?.Limits;
            var reservations = s.Spec?.TaskTemplate?.Resources?.Reservations;
            var job = s.Spec?.Mode?.ReplicatedJob is not null || s.Spec?.Mode?.Replicated?.Replicas == 0;
            workloads.Add(new ObservedWorkload(
                tenant, labels.GetValueOrDefault(StampLabels.Component) ?? "", job ? WorkloadKind.Job : WorkloadKind.Service,
                labels.GetValueOrDefault(StampLabels.Template), labels.GetValueOrDefault(StampLabels.Size),
                (limits?.NanoCPUs ?? 0) / 1e9, limits?.MemoryBytes ?? 0)
            {
                Host = host,
                CpuRequest = (reservations?.NanoCPUs ?? 0) / 1e9,
                MemoryRequest = reservations?.MemoryBytes ?? 0,
            });
        }

        var facts = usable.Select(n => new HostFacts(n.Hostname, n.Cpus, n.MemoryBytes, null)).ToList();
        return new HostObservation(facts.FirstOrDefault() ?? new HostFacts(cluster, 0, 0, null), workloads, null) { Hosts = facts };
    }, ct);
}
