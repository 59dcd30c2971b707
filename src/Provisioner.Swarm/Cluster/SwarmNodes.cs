using Docker.DotNet;
using Docker.DotNet.Models;

namespace Provisioner.Swarm.Cluster;

/// <summary>Reads and changes the cluster's nodes through the manager.</summary>
internal static class SwarmNodes
{
    public static async Task<IReadOnlyList<SwarmNode>> ListAsync(IDockerClient manager, CancellationToken ct)
    {
        var nodes = await manager.Swarm.ListNodesAsync(ct);
        return nodes.Select(From).OrderBy(n => n.Hostname, StringComparer.Ordinal).ToList();
    }

    public static async Task<SwarmNode> FindAsync(IDockerClient manager, string hostname, CancellationToken ct)
    {
        var nodes = await ListAsync(manager, ct);
        return nodes.FirstOrDefault(n => n.Hostname == hostname || n.Id == hostname)
            ?? throw new Core.Errors.BadInputException(
                $"the cluster has no node '{hostname}'", $"its nodes: {string.Join(", ", nodes.Select(n => n.Hostname))}");
    }

    /// <summary>Sets a node's availability (active, pause, drain): the whole spec is sent back with its version, retried when stale.</summary>
    public static async Task SetAvailabilityAsync(IDockerClient manager, string nodeId, string availability, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = await manager.Swarm.InspectNodeAsync(nodeId, ct);
            var spec = node.Spec ?? new NodeUpdateParameters();
            spec.Availability = availability;
            try
            {
                await manager.Swarm.UpdateNodeAsync(nodeId, node.Version?.Index ?? 0, spec, ct);
                return;
            }
            catch (DockerApiException e) when (attempt < 5 && (e.ResponseBody ?? "").Contains("out of sequence", StringComparison.Ordinal))
            {
                // Someone else updated the node meanwhile: read it again.
            }
        }
    }

    private static SwarmNode From(NodeListResponse n) => new(
        n.ID,
        n.Description?.Hostname ?? n.ID,
        n.Spec?.Role ?? "",
        n.Status?.State ?? "unknown",
        n.Spec?.Availability ?? "",
        n.Status?.Addr ?? "",
        (n.Description?.Resources?.NanoCPUs ?? 0) / 1e9,
        n.Description?.Resources?.MemoryBytes ?? 0,
        n.Spec?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>());
}
