using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Capacity;
using Provisioner.Docker.Engine;

namespace Provisioner.Composition;

/// <summary>One Docker engine: its client, the backend on it and its capacity observer.</summary>
internal sealed class DockerParts(DockerEngine engine, ILoggerFactory loggers) : IDisposable
{
    public static BackendKind Kind => DockerBackend.BackendKind;

    public ITenantBackend Backend { get; } = new DockerBackend(engine, new DockerBackendOptions(), loggers.CreateLogger<DockerBackend>());

    public IHostObserver HostObserver() => new DockerHostObserver(engine, Backend.Host, loggers.CreateLogger<DockerHostObserver>());

    public static DockerParts Create(string endpoint, ILoggerFactory loggers)
    {
        try
        {
            return new DockerParts(DockerEngineFactory.Create(new DockerEngineOptions { Endpoint = endpoint }, loggers.CreateLogger<DockerEngine>()), loggers);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(
                $"engine address '{endpoint}' is not usable: {e.Message}", "use unix:///path/to/docker.sock or tcp://host:port (DOCKER_HOST or engine: in provisioner.yaml)");
        }
    }

    public void Dispose() => engine.Dispose();
}
