using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;
using Provisioner.Docker.Engine;
using Provisioner.Swarm.Backend;
using Provisioner.Swarm.Capacity;
using Provisioner.Swarm.Cluster;
using Provisioner.Swarm.Images;

namespace Provisioner.Composition;

/// <summary>One Swarm cluster: the manager's client, the image source, each node's engine, the backend and its capacity observer.</summary>
internal sealed class SwarmParts : IDisposable
{
    private readonly DockerEngine _manager;
    private readonly DockerEngine? _source;
    private readonly NodeEngines _nodes;

    private SwarmParts(DockerEngine manager, DockerEngine? source, SwarmBackendOptions options, string? tls, ILoggerFactory loggers)
    {
        _manager = manager;
        _source = source;
        _nodes = new NodeEngines(loggers, tls);
        var images = new ImageDistributor(manager, source, loggers.CreateLogger<ImageDistributor>());
        Backend = new SwarmBackend(manager, images, _nodes, options, loggers);
        Options = options;
    }

    private static async Task<string> ManagerAddressAsync(DockerEngine manager)
    {
        if (manager.Endpoint.Scheme == "tcp" && !EngineTls.IsLoopback(manager.Endpoint))
        {
            return manager.Endpoint.Host.Trim('[', ']');
        }

        var info = await manager.Client.System.GetSystemInfoAsync(CancellationToken.None);
        return info.Swarm?.NodeAddr is { Length: > 0 } address
            ? address
            : throw new ProvisionerException($"the engine at {EngineAddress.Display(manager.Endpoint)} is not in a swarm: the cluster's edge has no address");
    }

    public static BackendKind Kind => SwarmBackend.BackendKind;

    public SwarmBackend Backend { get; }

    public SwarmBackendOptions Options { get; }

    public DockerEngine Manager => _manager;

    /// <summary>
    /// Where this machine reaches the cluster's edge (published on all the manager's interfaces): the host of a remote
    /// <c>tcp://</c> manager address (this machine reaches it there), else the manager node's address in the swarm. Asked
    /// once per process; asked again after a failure (an engine that did not answer for a moment).
    /// </summary>
    public async ValueTask<string> EdgeAddressAsync(CancellationToken ct)
    {
        Task<string> asking;
        lock (_edgeAddressGate)
        {
            if (_edgeAddress is null || _edgeAddress.IsFaulted || _edgeAddress.IsCanceled)
            {
                _edgeAddress = EngineErrorMapping.Guard(_manager, () => ManagerAddressAsync(_manager), CancellationToken.None);
            }

            asking = _edgeAddress;
        }

        return await asking.WaitAsync(ct);
    }

    private readonly Lock _edgeAddressGate = new();
    private Task<string>? _edgeAddress;

    public IHostObserver HostObserver() => new SwarmHostObserver(_manager, Options.ClusterName);

    public static SwarmParts Create(SwarmSettings settings, string engine, string? engineTls, Core.Edge.EdgeOptions? edge, ILoggerFactory loggers)
    {
        if (string.IsNullOrWhiteSpace(settings.Manager))
        {
            throw new BadInputException(
                "the swarm backend needs the address of a manager node",
                "set swarm.manager in provisioner.yaml or PROVISIONER_SWARM_MANAGER (make cluster writes the test cluster's to .build/cluster/manager)");
        }

        var source = settings.ImageSource ?? engine;
        try
        {
            var tls = settings.Tls ?? engineTls;
            var manager = DockerEngineFactory.Create(DockerParts.Options(settings.Manager, tls), loggers.CreateLogger<DockerEngine>());
            var sourceEngine = source == settings.Manager ? null : DockerEngineFactory.Create(DockerParts.Options(source, engineTls), loggers.CreateLogger<DockerEngine>());
            return new SwarmParts(manager, sourceEngine, new SwarmBackendOptions { Manager = settings.Manager, ImageSource = source, Registry = settings.Registry, Edge = edge }, tls, loggers);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(
                $"swarm manager address '{settings.Manager}' is not usable: {DockerParts.OneLine(e.Message)}",
                "the README's Cluster section says how to name a manager (swarm.manager, swarm.tls)");
        }
    }

    public void Dispose()
    {
        _nodes.Dispose();
        _manager.Dispose();
        _source?.Dispose();
    }
}
