using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Errors;
using Provisioner.Docker.Engine;

namespace Provisioner.Swarm.Cluster;

/// <summary>
/// The Engine API of each node, for what a manager cannot do for a task on another node: exec into its container (SQL
/// checks, dumps, restores) and run a helper with one of its volumes. Each node names its own endpoint in the node label
/// <c>provisioner.engine</c> (make cluster sets it; a real cluster points it at a TLS endpoint or a node agent).
/// </summary>
/// <param name="loggers">Loggers for each node's client.</param>
/// <param name="tls">The TLS folder for nodes whose label is a <c>tcp://</c> address (null: the docker CLI's environment default).</param>
internal sealed class NodeEngines(ILoggerFactory loggers, string? tls = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, DockerEngine> _engines = new(StringComparer.Ordinal);

    public DockerEngine For(SwarmNode node)
    {
        if (!node.Labels.TryGetValue(Backend.SwarmLabels.NodeEngine, out var endpoint) || string.IsNullOrWhiteSpace(endpoint))
        {
            throw new ProvisionerException(
                $"node {node.Hostname} does not say where its engine is (node label {Backend.SwarmLabels.NodeEngine})",
                hint: $"label it: docker node update --label-add {Backend.SwarmLabels.NodeEngine}=tcp://ADDRESS:2376 {node.Hostname}");
        }

        try
        {
            return _engines.GetOrAdd(endpoint, e => DockerEngineFactory.Create(
                EngineTls.Options(e, tls),
                loggers.CreateLogger<DockerEngine>()));
        }
        catch (ArgumentException e)
        {
            throw new ProvisionerException(
                $"node {node.Hostname}'s engine '{endpoint}' (node label {Backend.SwarmLabels.NodeEngine}) is not usable: {e.Message.ReplaceLineEndings(" ")}",
                hint: "label the node with a unix:// socket or a tcp://ADDRESS:2376 engine with TLS, and set swarm.tls to the client certificates' folder");
        }
    }

    public void Dispose()
    {
        foreach (var engine in _engines.Values)
        {
            engine.Dispose();
        }
    }
}
