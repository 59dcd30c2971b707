namespace Provisioner.Docker.Engine;

/// <summary>
/// A Docker Engine API client, shaped like Docker.DotNet's <c>IDockerClient</c>. Thread-safe; create one per
/// engine with <see cref="DockerClientFactory"/> and dispose it when done.
/// </summary>
public interface IDockerClient : IDisposable
{
    /// <summary>The engine's address, e.g. <c>unix:///var/run/docker.sock</c>.</summary>
    Uri Endpoint { get; }

    /// <summary>Ping, info and version.</summary>
    ISystemOperations System { get; }

    /// <summary>User-defined networks.</summary>
    INetworkOperations Networks { get; }

    /// <summary>Named volumes.</summary>
    IVolumeOperations Volumes { get; }

    /// <summary>Container lifecycle, logs, archives and stats.</summary>
    IContainerOperations Containers { get; }

    /// <summary>Local images (there is no registry: nothing is pulled).</summary>
    IImageOperations Images { get; }

    /// <summary>Commands run inside running containers.</summary>
    IExecOperations Exec { get; }
}
