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
        _edgeAddress = new Lazy<Task<string>>(() => ManagerAddressAsync(manager));
    }

    private static async Task<string> ManagerAddressAsync(DockerEngine manager)
    {
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
    /// Where this machine reaches the cluster's edge: the manager node's address in the swarm (the edge publishes on all its
    /// interfaces), asked once.
    /// </summary>
    public ValueTask<string> EdgeAddressAsync(CancellationToken ct) => new(_edgeAddress.Value.WaitAsync(ct));

    private readonly Lazy<Task<string>> _edgeAddress;

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
