namespace Provisioner.Docker.Engine;

/// <summary>Engine-wide calls: <c>/_ping</c>, <c>/info</c>, <c>/version</c>.</summary>
public interface ISystemOperations
{
    /// <summary>Pings the engine and returns the negotiated API version (e.g. <c>"1.41"</c>).</summary>
    /// <exception cref="DockerEngineUnreachableException">The engine cannot be reached.</exception>
    Task<string> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>The engine's host: CPUs, memory, storage root, counts (<c>GET /info</c>).</summary>
    Task<SystemInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>The engine's version and API range (<c>GET /version</c>).</summary>
    Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Volumes with the bytes each holds (<c>GET /system/df</c>; the engine walks them, so it takes a moment).</summary>
    Task<DiskUsage> GetDiskUsageAsync(CancellationToken cancellationToken = default);
}
