namespace Provisioner.Docker.Engine;

/// <summary>Containers (<c>/containers</c>).</summary>
public interface IContainerOperations
{
    /// <summary>Containers matching <paramref name="filters"/>; running ones only unless <paramref name="all"/>.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListAsync(bool all = false, DockerFilters? filters = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a container and returns its id. The image must exist locally.</summary>
    /// <exception cref="DockerNotFoundException">The image (or a named network) does not exist.</exception>
    /// <exception cref="DockerConflictException">The name is in use.</exception>
    Task<string> CreateAsync(string name, ContainerCreateParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>Starts a container; starting a running container succeeds (engine answers 304).</summary>
    Task StartAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops a container: stop signal, then kill after <paramref name="timeoutSeconds"/> (null = the container's
    /// StopTimeout, engine default 10). Stopping a stopped container succeeds (304).
    /// </summary>
    Task StopAsync(string id, int? timeoutSeconds = null, CancellationToken cancellationToken = default);

    /// <summary>Restarts a container (stop as in <see cref="StopAsync"/>, then start).</summary>
    Task RestartAsync(string id, int? timeoutSeconds = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a container; <paramref name="force"/> kills it first, <paramref name="removeVolumes"/> removes its anonymous volumes.</summary>
    /// <exception cref="DockerNotFoundException">No such container.</exception>
    /// <exception cref="DockerConflictException">It is running and <paramref name="force"/> is false.</exception>
    Task RemoveAsync(string id, bool force = false, bool removeVolumes = false, CancellationToken cancellationToken = default);

    /// <summary>One container's configuration and state.</summary>
    /// <exception cref="DockerNotFoundException">No such container.</exception>
    Task<ContainerInspect> InspectAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Waits until the container is not running and returns its exit code. No client deadline: pass a token.</summary>
    Task<long> WaitAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last <paramref name="tail"/> lines of stdout and stderr, interleaved as written (all lines when negative).
    /// No client deadline: pass a token.
    /// </summary>
    Task<string> GetLogsAsync(string id, int tail = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extracts a tar archive into the directory <paramref name="path"/> in the container (which must exist).
    /// <paramref name="copyUidGid"/> keeps the archive's owners; otherwise files belong to root.
    /// No client deadline: pass a token.
    /// </summary>
    Task PutArchiveAsync(string id, string path, Stream tar, bool copyUidGid = false, CancellationToken cancellationToken = default);

    /// <summary>One resource-usage sample with the previous CPU sample (takes about a second).</summary>
    Task<ContainerStats> GetStatsAsync(string id, CancellationToken cancellationToken = default);
}
