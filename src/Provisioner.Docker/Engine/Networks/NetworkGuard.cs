using Docker.DotNet;
using Docker.DotNet.Models;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Network create without a duplicate: Docker.DotNet sends no <c>CheckDuplicate</c>, and on API 1.41 the engine then
/// creates a second network with the same name. So the name is looked up first. (Concurrent creates of one tenant's
/// networks do not happen: the tenant's lock is held around every apply; a network that several processes may create
/// at once, such as the edge's, is created under a lock kept on the engine: see <c>EdgeProxy</c>.)
/// </summary>
internal static class NetworkGuard
{
    /// <summary>The id of the network named <c>parameters.Name</c>: the existing one, else a new one.</summary>
    public static async Task<string> CreateIfAbsentAsync(INetworkOperations networks, NetworksCreateParameters parameters, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameters.Name, nameof(parameters));
        if (await FindAsync(networks, parameters.Name, ct) is { } existing)
        {
            return existing.ID;
        }

        return (await networks.CreateNetworkAsync(parameters, ct)).ID;
    }

    /// <summary>The network with exactly this name, or null (the engine's name filter matches substrings).</summary>
    public static async Task<NetworkResponse?> FindAsync(INetworkOperations networks, string name, CancellationToken ct)
    {
        var candidates = await networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(name) }, ct);
        return candidates.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));
    }
}
