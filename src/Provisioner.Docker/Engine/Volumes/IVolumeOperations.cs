namespace Provisioner.Docker.Engine;

/// <summary>Named volumes (<c>/volumes</c>).</summary>
public interface IVolumeOperations
{
    /// <summary>Volumes matching <paramref name="filters"/> (all when null).</summary>
    Task<IReadOnlyList<VolumeSummary>> ListAsync(DockerFilters? filters = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a volume. Creating an existing name returns the existing volume (the engine does not fail).</summary>
    Task<VolumeSummary> CreateAsync(VolumeCreateParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>One volume.</summary>
    /// <exception cref="DockerNotFoundException">No such volume.</exception>
    Task<VolumeSummary> InspectAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Removes a volume.</summary>
    /// <exception cref="DockerNotFoundException">No such volume.</exception>
    /// <exception cref="DockerConflictException">The volume is in use by a container.</exception>
    Task RemoveAsync(string name, bool force = false, CancellationToken cancellationToken = default);
}
