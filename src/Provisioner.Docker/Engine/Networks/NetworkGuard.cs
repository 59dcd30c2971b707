using Docker.DotNet;
using Docker.DotNet.Models;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Network create without a duplicate: Docker.DotNet sends no <c>CheckDuplicate</c>, and on API 1.41 the engine then
/// creates a second network with the same name. So the name is looked up first. (Concurrent creates of one tenant's
/// networks do not happen: the tenant's lock is held around every apply; a network that several processes may create
/// at once, such as the edge's, goes through <see cref="CreateSharedAsync"/>, under a lock kept on the engine.)
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

    /// <summary>How long a shared network's create may wait for another process's.</summary>
    private static readonly TimeSpan SharedWait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Like <see cref="CreateIfAbsentAsync"/> for a network that processes holding no common lock may create at the same
    /// time (the edge's: two first provisions from two homes). Looking first and then creating cannot be made safe from
    /// outside: the engine lists a network only once its create has finished, so two creates in flight both see none.
    /// The create therefore runs under an <see cref="EngineNameLock"/> named after the network (a never-started container
    /// of <paramref name="lockImage"/>, which must be on the engine), and the name is looked up again inside it.
    /// Duplicates an earlier version left are removed, the oldest kept.
    /// </summary>
    public static async Task<string> CreateSharedAsync(IDockerClient docker, NetworksCreateParameters parameters, string lockImage, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameters.Name, nameof(parameters));
        if (await KeepOldestAsync(docker.Networks, parameters.Name, ct) is { } existing)
        {
            return existing;
        }

        await using (await EngineNameLock.AcquireAsync(docker.Containers, LockName(parameters.Name), lockImage, parameters.Labels, SharedWait, ct))
        {
            return await KeepOldestAsync(docker.Networks, parameters.Name, ct) ?? (await docker.Networks.CreateNetworkAsync(parameters, ct)).ID;
        }
    }

    /// <summary>The name of the engine lock <see cref="CreateSharedAsync"/> takes for <paramref name="network"/>.</summary>
    public static string LockName(string network) => $"{network}-netlock";

    /// <summary>The id of the oldest network of this name (the others are removed, as far as no container uses them), or null.</summary>
    private static async Task<string?> KeepOldestAsync(INetworkOperations networks, string name, CancellationToken ct)
    {
        var candidates = (await networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(name) }, ct))
            .Where(n => string.Equals(n.Name, name, StringComparison.Ordinal))
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
                // removed by another caller already, or in use: the oldest is the one used from now on
            }
        }

        return candidates.Count > 0 ? candidates[0].ID : null;
    }

    /// <summary>The network with exactly this name, or null (the engine's name filter matches substrings).</summary>
    public static async Task<NetworkResponse?> FindAsync(INetworkOperations networks, string name, CancellationToken ct)
    {
        var candidates = await networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(name) }, ct);
        return candidates.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.Ordinal));
    }
}
