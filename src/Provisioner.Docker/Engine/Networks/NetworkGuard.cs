using Docker.DotNet;
using Docker.DotNet.Models;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Network create without a duplicate: Docker.DotNet sends no <c>CheckDuplicate</c>, and on API 1.41 the engine then
/// creates a second network with the same name. So the name is looked up first. (Concurrent creates of one tenant's
/// networks do not happen: the tenant's lock is held around every apply; a network that several processes may create
/// at once, such as the edge's, goes through <see cref="CreateSharedAsync"/>.)
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

    /// <summary>
    /// Like <see cref="CreateIfAbsentAsync"/> for a network that processes holding no common lock may create at the same
    /// time: when two were made, every caller keeps the oldest (then the lowest id) and removes the others, so all of
    /// them go on with the same network; a caller that saw only its own made it first, so it is the oldest too. Use the
    /// returned id, not the name, until the extras are gone.
    /// </summary>
    public static async Task<string> CreateSharedAsync(INetworkOperations networks, NetworksCreateParameters parameters, CancellationToken ct)
    {
        await CreateIfAbsentAsync(networks, parameters, ct);
        var candidates = (await networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(parameters.Name!) }, ct))
            .Where(n => string.Equals(n.Name, parameters.Name, StringComparison.Ordinal))
            .OrderBy(n => n.Created).ThenBy(n => n.ID, StringComparer.Ordinal)
            .ToList();
        foreach (var extra in candidates.Skip(1))
        {
            try
            {
                await networks.DeleteNetworkAsync(extra.ID, ct);
            }
            catch (DockerApiException)
            {
                // removed by the other caller already, or (briefly) still in its hands: it settles on the same keeper
            }
        }

        return candidates.Count > 0 ? candidates[0].ID : throw new InvalidOperationException($"network {parameters.Name} vanished right after it was created");
    }

    /// <summary>The network with exactly this name, or null (the engine's name filter matches substrings).</summary>
    public static async Task<NetworkResponse?> FindAsync(INetworkOperations networks, string name, CancellationToken ct)
    {
        var candidates = await networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(name) }, ct);
        return candidates.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));
    }
}
