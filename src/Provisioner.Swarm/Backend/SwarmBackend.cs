using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Edge;
using Provisioner.Docker.Engine;
using Provisioner.Swarm.Cluster;
using Provisioner.Swarm.Images;

namespace Provisioner.Swarm.Backend;

/// <summary>
/// Tenants on a Docker Swarm: one service per component, one-shot jobs as replicated-job services, the tenant's own overlay
/// networks (the data side internal), Swarm secrets, limits and reservations from its size. Its data components are pinned
/// to the node <c>provision</c>'s capacity check chose (<see cref="Stamp.Host"/>); stateless ones go where the scheduler
/// puts them. Apply reads what exists (label-filtered lists on the manager), diffs it with <see cref="ReconcilePlanner"/>
/// and applies only the difference, so a rerun converges.
/// </summary>
internal sealed partial class SwarmBackend(
    DockerEngine manager, ImageDistributor images, NodeEngines nodeEngines, SwarmBackendOptions options, ILoggerFactory loggers)
    : ITenantBackend, IMultiHostBackend, IComponentExec, IComponentStreams, IComponentControl, IVolumeAccess, IHostVolumes
{
    private readonly IDockerClient _docker = manager.Client;

    private readonly ILogger _log = loggers.CreateLogger<SwarmBackend>();

    private static int _encryptionNoted;

    /// <summary>The cluster's edge proxy (on the manager's engine), when the options turn it on.</summary>
    internal EdgeProxy? Edge => EdgeProxy;

    private EdgeProxy? EdgeProxy { get; } = options.Edge is null ? null : new EdgeProxy(manager.Client, options.Edge, loggers.CreateLogger<EdgeProxy>());

    /// <summary>The edge when <paramref name="stamp"/> is behind it (its edge network carries the route labels); else null.</summary>
    private EdgeProxy? BehindTheEdge(Stamp stamp) => EdgeProxy.Fronting(EdgeProxy, stamp);

    /// <summary>The kind recorded for tenants on a Swarm cluster.</summary>
    public static BackendKind BackendKind { get; } = BackendKind.Of("swarm");

    public BackendKind Kind => BackendKind;

    public string Host => options.ClusterName;

    public Task<IReadOnlyList<string>> HostsAsync(CancellationToken ct) => Guard(async () =>
        (IReadOnlyList<string>)(await SwarmNodes.ListAsync(_docker, ct)).Where(n => n.Schedulable).Select(n => n.Hostname).ToList(), ct);

    public Task PreflightAsync(Stamp stamp, CancellationToken ct) => Guard(async () =>
    {
        try
        {
            await _docker.Swarm.InspectSwarmAsync(ct);
        }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.NotAcceptable)
        {
            throw new ProvisionerException(
                $"the engine at {EngineAddress.Display(manager.Endpoint)} is not a Swarm manager", hint: "point swarm.manager at a manager node (make cluster writes it to .build/cluster/manager)");
        }

        var registry = await RegistryAsync(ct);
        if (BehindTheEdge(stamp) is { } edge && await edge.PlanAsync(ct) is not null)
        {
            // An edge to make or start runs from the manager's own copy of its image (copied from the image source when missing there).
            await images.ReferenceAsync(options.Edge!.Image, registry, null, ct);
            await edge.PreflightAsync(onThisMachine: false, ct);
        }
    }, ct);

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct) => Guard(async () =>
    {
        var read = await SwarmObserver.ReadAsync(_docker, stamp.Tenant, ct);
        var plan = WithMoves(stamp, read, ReconcilePlanner.Plan(stamp, SwarmObserver.ToObserved(read)));
        return BehindTheEdge(stamp) is { } edge && await edge.PlanAsync(ct) is { } edgeChange ? [.. plan, edgeChange] : plan;
    }, ct);

    /// <summary>
    /// The plan, plus a replacement of every pinned service whose node is not the stamp's host (the tenant's data is moving
    /// there: <c>provision host drain</c>); the node is not part of a service's hash, so the planner alone does not see it.
    /// </summary>
    private IReadOnlyList<PlannedChange> WithMoves(Stamp stamp, TenantServices read, IReadOnlyList<PlannedChange> plan)
    {
        if (stamp.Host is null || stamp.Host == options.ClusterName)
        {
            return plan;
        }

        var moves = read.Services
            .Where(s => s.Labels.TryGetValue(SwarmLabels.Node, out var node) && node != stamp.Host)
            .Where(s => stamp.Containers.Any(c => c.Name == s.Name) && plan.All(p => p.Name != s.Name))
            .Select(s => new PlannedChange(ChangeKind.Replace, ResourceType.Container, s.Name, $"pinned to {s.Labels[SwarmLabels.Node]}; moving to {stamp.Host}"))
            .ToList();
        return moves.Count == 0 ? plan : [.. moves, .. plan]; // first: what depends on them then waits for them on the new node
    }

    public Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct) => Guard(async () =>
    {
        var read = await SettledAsync(stamp.Tenant, ct);
        var plan = await NoteEncryptionAsync(WithMoves(stamp, read, ReconcilePlanner.Plan(stamp, SwarmObserver.ToObserved(read))), ct);
        var ready = new HashSet<string>();
        async Task WaitFor(IReadOnlyList<string> dependencies)
        {
            foreach (var dependency in dependencies.Where(ready.Add))
            {
                await context.WaitUntilReady(dependency, ct);
            }
        }

        var apply = new ApplyRun(stamp, secrets, read, plan.Count == 0 ? null : await PinAsync(stamp, ct));
        foreach (var change in plan)
        {
            await context.BeforeChange(change);
            _log.LogInformation("{Tenant}: {Change} {ResourceKind} {Resource} ({Reason})", stamp.Tenant, change.Kind, change.Resource.Name, change.Name, change.Reason);
            await ExecuteAsync(apply, change, WaitFor, ct);
            await context.AfterChange(change);
        }

        // The tenant's route, and every other one (a recreated edge gets them all back); the edge made or started is a change.
        var edgeMade = BehindTheEdge(stamp) is { } edge ? (await edge.ConvergeAsync(ct, context.Progress)).Made : null;
        return new ApplyResult([.. plan, .. edgeMade is null ? [] : new[] { edgeMade }], await EndpointAsync(stamp, ct));
    }, ct);

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct) => Guard(async () =>
        SwarmStatusReader.Read(tenant, await SwarmObserver.ReadAsync(_docker, tenant, ct), await SwarmNodes.ListAsync(_docker, ct)), ct);

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct) => Guard(async () =>
    {
        var read = await SwarmObserver.ReadAsync(_docker, tenant, ct);
        var nodes = await SwarmNodes.ListAsync(_docker, ct);
        var changes = new List<PlannedChange>();
        if (EdgeProxy is { } edge && read.Networks.Any(n => n.Name == StampNames.EdgeNetwork(tenant)))
        {
            await edge.DetachAsync(tenant, ct); // its route goes first, before its entry stops answering
        }

        foreach (var s in read.Services)
        {
            await RemoveServiceAsync(s, nodes, ct);
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Of("service"), s.Name, "destroy"));
        }

        foreach (var n in read.Networks)
        {
            await RemoveNetworkAsync(n.Name, ct);
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Network, n.Name, "destroy"));
        }

        foreach (var secret in read.Secrets)
        {
            await IgnoreMissing(() => _docker.Secrets.DeleteAsync(secret.ID, ct));
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Of("secret"), secret.Spec?.Name ?? secret.ID, "destroy"));
        }

        foreach (var (volume, node) in read.Services.SelectMany(s => DataVolumes(s, nodes)).Where(_ => deleteData))
        {
            await RemoveVolumeAsync(tenant, node, volume, ct);
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Volume, volume, $"destroy --delete-data (on {node.Hostname})"));
        }

        if (deleteData)
        {
            // Copies on other nodes too: a move to another node that failed or was abandoned leaves the old one behind.
            foreach (var node in nodes.Where(n => n.IsReady))
            {
                var left = await nodeEngines.For(node).Client.Volumes.ListAsync(new VolumesListParameters { Filters = EngineFilters.Label(StampLabels.TenantFilter(tenant)) }, ct);
                foreach (var volume in left.Volumes ?? [])
                {
                    await RemoveVolumeAsync(tenant, node, volume.Name, ct);
                    changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Volume, volume.Name, $"destroy --delete-data (a copy left on {node.Hostname})"));
                }
            }
        }

        return (IReadOnlyList<PlannedChange>)changes;
    }, ct);

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) => Guard(async () =>
    {
        var (service, task, node) = await LocateAsync(tenant, component, running: false, ct);
        if (service is null || task?.Status?.ContainerStatus?.ContainerID is not { Length: > 0 } container || node is null)
        {
            return "";
        }

        try
        {
            return await ContainerLogs.TailAsync(nodeEngines.For(node).Client.Containers, container, tail, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return "";
        }
    }, ct);

    /// <summary>
    /// What exists, once no service of the tenant has a task Swarm is still starting (bounded by the start timeout): a
    /// service caught between tasks would otherwise be planned as broken and replaced for nothing.
    /// </summary>
    private async Task<TenantServices> SettledAsync(string tenant, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (true)
        {
            var read = await SwarmObserver.ReadAsync(_docker, tenant, ct);
            var starting = read.Services.Any(s => !s.IsJob && !s.Stopped && s.Running is null
                && s.Tasks.Any(t => t.DesiredState == TaskState.Running && t.Status?.State < TaskState.Running));
            if (!starting || DateTime.UtcNow >= deadline)
            {
                return read;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private Task<T> Guard<T>(Func<Task<T>> action, CancellationToken ct) => EngineErrorMapping.Guard(manager, action, ct);

    private Task Guard(Func<Task> action, CancellationToken ct) => EngineErrorMapping.Guard(manager, action, ct);

    /// <summary>The registry every node pulls from: the option, else the manager node's label.</summary>
    private async Task<string> RegistryAsync(CancellationToken ct)
    {
        if (options.Registry is { Length: > 0 } configured)
        {
            return configured;
        }

        var nodes = await SwarmNodes.ListAsync(_docker, ct);
        return nodes.Select(n => n.Labels.GetValueOrDefault(SwarmLabels.Registry)).FirstOrDefault(r => !string.IsNullOrEmpty(r))
            ?? throw new ProvisionerException(
                "the cluster names no image registry (node label provisioner.registry on a manager, or swarm.registry in provisioner.yaml)",
                hint: "make cluster runs one in the cluster; with a registry of your own, set swarm.registry and log the manager in to it");
    }

    /// <summary>The node a tenant's data is pinned to (its recorded host), or null when the stamp names none.</summary>
    private async Task<SwarmNodePin?> PinAsync(Stamp stamp, CancellationToken ct)
    {
        if (stamp.Host is null || stamp.Host == options.ClusterName)
        {
            return null;
        }

        var node = await SwarmNodes.FindAsync(_docker, stamp.Host, ct);
        return new SwarmNodePin(node.Id, node.Hostname);
    }

    /// <summary>Says once per process, on the first network it creates, when the cluster's probe found encrypted overlays drop traffic.</summary>
    private async Task<IReadOnlyList<PlannedChange>> NoteEncryptionAsync(IReadOnlyList<PlannedChange> plan, CancellationToken ct)
    {
        var first = plan.FirstOrDefault(c => c.Resource == ResourceType.Network && c.Kind == ChangeKind.Create);
        if (first is null || await EncryptedOverlaysAsync(ct) || Interlocked.Exchange(ref _encryptionNoted, 1) == 1)
        {
            return plan;
        }

        _log.LogWarning("Encrypted overlays pass no traffic on this cluster (its set-up probe): tenant networks are plain VXLAN");
        return plan.Select(c => ReferenceEquals(c, first)
            ? c with { Reason = c.Reason + "; NOT encrypted: the cluster's set-up probe found encrypted overlays pass no traffic on this kernel" }
            : c).ToList();
    }

    private async Task<bool> EncryptedOverlaysAsync(CancellationToken ct) =>
        !(await SwarmNodes.ListAsync(_docker, ct)).Any(n => n.Labels.GetValueOrDefault(SwarmLabels.EncryptedOverlays) == "false");

    private static async Task IgnoreMissing(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
        }
    }
}
