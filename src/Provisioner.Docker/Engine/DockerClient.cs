namespace Provisioner.Docker.Engine;

/// <summary>The <see cref="IDockerClient"/> over one <see cref="DockerTransport"/>.</summary>
internal sealed class DockerClient : IDockerClient
{
    private readonly DockerTransport _transport;

    public DockerClient(DockerTransport transport)
    {
        _transport = transport;
        System = new SystemOperations(transport);
        Networks = new NetworkOperations(transport);
        Volumes = new VolumeOperations(transport);
        Containers = new ContainerOperations(transport);
        Images = new ImageOperations(transport);
        Exec = new ExecOperations(transport);
    }

    public Uri Endpoint => _transport.Endpoint.Uri;

    public ISystemOperations System { get; }

    public INetworkOperations Networks { get; }

    public IVolumeOperations Volumes { get; }

    public IContainerOperations Containers { get; }

    public IImageOperations Images { get; }

    public IExecOperations Exec { get; }

    public void Dispose() => _transport.Dispose();
}
