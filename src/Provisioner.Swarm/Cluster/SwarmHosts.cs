using Microsoft.Extensions.Logging;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Docker.Engine;

namespace Provisioner.Swarm.Cluster;

/// <summary>
/// <c>provision host list|drain|activate</c> on a Swarm cluster. Drain sets the node's availability to <c>drain</c>: Swarm moves
/// its stateless tasks to other nodes at once. A tenant's data does not move with it (its data services stay pinned and
/// wait, Pending, until the node is active again), so draining a node that holds tenants' data needs <c>force</c>.
/// </summary>
internal sealed class SwarmHosts(DockerEngine manager, ILogger log)
{
    public async Task<IReadOnlyList<HostStatus>> ListAsync(
        IReadOnlyDictionary<string, IReadOnlyList<string>> tenantsByHost, IReadOnlyDictionary<string, Resources> freeByHost, CancellationToken ct) =>
        await EngineErrorMapping.Guard(manager, async () =>
            (IReadOnlyList<HostStatus>)(await SwarmNodes.ListAsync(manager.Client, ct)).Select(n => new HostStatus(
                n.Hostname, n.Role, n.State, n.Availability, n.Address,
                tenantsByHost.GetValueOrDefault(n.Hostname) ?? [],
                new Resources(n.Cpus, n.MemoryBytes, 0),
                freeByHost.TryGetValue(n.Hostname, out var free) ? free : null)).ToList(), ct);

    public Task SetAvailabilityAsync(string host, string availability, IReadOnlyList<string> tenantsWithData, bool force, CancellationToken ct) =>
        EngineErrorMapping.Guard(manager, async () =>
        {
            var node = await SwarmNodes.FindAsync(manager.Client, host, ct);
            if (availability == "drain" && tenantsWithData.Count > 0 && !force)
            {
                throw new BadInputException(
                    $"node {node.Hostname} holds the data of {tenantsWithData.Count} tenant(s) ({string.Join(", ", tenantsWithData)}); draining it stops them until it is active again",
                    "moving a tenant's data to another node (backup, restore, health gate) is not built yet; --force drains anyway (stateless work moves, those tenants wait)");
            }

            await SwarmNodes.SetAvailabilityAsync(manager.Client, node.Id, availability, ct);
            log.LogInformation("Node {Host} is now {Availability}", node.Hostname, availability);
        }, ct);
}
