namespace Provisioner.Docker.Engine;

/// <summary>User-defined networks (<c>/networks</c>).</summary>
public interface INetworkOperations
{
    /// <summary>Networks matching <paramref name="filters"/> (all when null). The list does not include attached containers.</summary>
    Task<IReadOnlyList<NetworkSummary>> ListAsync(DockerFilters? filters = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a network and returns its id.</summary>
    /// <exception cref="DockerConflictException">A network with that name exists (CheckDuplicate).</exception>
    Task<string> CreateAsync(NetworkCreateParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>One network with its attached containers.</summary>
    /// <exception cref="DockerNotFoundException">No such network.</exception>
    Task<NetworkInspect> InspectAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Removes a network.</summary>
    /// <exception cref="DockerNotFoundException">No such network.</exception>
    /// <exception cref="DockerApiException">Containers are still attached (403/409/500 depending on the engine).</exception>
    Task RemoveAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>Attaches a container to a network, optionally under DNS aliases.</summary>
    Task ConnectAsync(string network, string containerId, IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default);

    /// <summary>Detaches a container from a network; <paramref name="force"/> also works when the container is not running.</summary>
    Task DisconnectAsync(string network, string containerId, bool force = false, CancellationToken cancellationToken = default);
}
