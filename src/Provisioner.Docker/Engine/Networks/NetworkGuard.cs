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

    /// <summary>How long a network must stay the only one of its name, seen twice that far apart, before it is taken.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// Like <see cref="CreateIfAbsentAsync"/> for a network that processes holding no common lock may create at the same
    /// time: when two were made, every caller keeps the oldest (then the lowest id) and removes the others, so all of
    /// them go on with the same network. The engine lists a network only once its creation has finished, yet dates it
    /// from the start: a create still under way can turn out older than what a caller sees. So a caller that created one
    /// takes the survivor only after it was the only one of its name in two lists <see cref="Settle"/> apart (at most
    /// 20 rounds). Use the returned id, not the name, until the extras are gone.
    /// </summary>
    public static async Task<string> CreateSharedAsync(INetworkOperations networks, NetworksCreateParameters parameters, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameters.Name, nameof(parameters));
        var created = false;
        if (await FindAsync(networks, parameters.Name, ct) is null)
        {
            await networks.CreateNetworkAsync(parameters, ct);
            created = true;
        }

        string? keeper = null;
        for (var round = 0; round < 20; round++)
        {
            if (round > 0)
            {
                await Task.Delay(Settle, ct);
            }

            var candidates = (await networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(parameters.Name) }, ct))
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

            var first = candidates.Count > 0 ? candidates[0].ID : throw new InvalidOperationException($"network {parameters.Name} vanished right after it was created");
            if ((!created && candidates.Count == 1) || (candidates.Count == 1 && first == keeper))
            {
                return first;
            }

            keeper = candidates.Count == 1 ? first : null;
        }

        return keeper ?? throw new InvalidOperationException($"network {parameters.Name}: duplicates kept appearing for {20 * Settle.TotalSeconds:0} s");
    }

    /// <summary>The network with exactly this name, or null (the engine's name filter matches substrings).</summary>
    public static async Task<NetworkResponse?> FindAsync(INetworkOperations networks, string name, CancellationToken ct)
    {
        var candidates = await networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(name) }, ct);
        return candidates.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));
    }
}
