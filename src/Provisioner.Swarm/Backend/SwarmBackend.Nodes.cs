using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Docker.Backend;
using Provisioner.Docker.Engine;
using Provisioner.Swarm.Cluster;

namespace Provisioner.Swarm.Backend;

/// <summary>
/// What needs the node a task runs on: commands inside a component (through that node's engine), a volume in a helper
/// container on its node, stopping a component (scaled to zero), and removing services, networks and volumes.
/// </summary>
internal sealed partial class SwarmBackend
{
    public Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct) =>
        RunAsync(tenant, component, new ExecRequest { Cmd = command, User = user }, ct);

    public Task<CommandResult> ExecWithInputAsync(
        string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdin, CancellationToken ct) =>
        RunAsync(tenant, component, new ExecRequest { Cmd = command, User = user, Stdin = stdin }, ct);

    public Task<CommandResult> ExecToStreamAsync(
        string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdout, CancellationToken ct) =>
        RunAsync(tenant, component, new ExecRequest { Cmd = command, User = user, StdoutSink = stdout }, ct);

    /// <summary>Scales the component's service to zero and waits until its task has stopped (a missing one is not an error).</summary>
    public Task StopComponentAsync(string tenant, string component, CancellationToken ct) => Guard(async () =>
    {
        var name = Core.Stamps.StampNames.Container(tenant, component);
        SwarmService service;
        try
        {
            service = await _docker.Swarm.InspectServiceAsync(name, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return;
        }

        if (service.Spec?.Mode?.Replicated is { } replicated)
        {
            replicated.Replicas = 0;
            await _docker.Swarm.UpdateServiceAsync(service.ID, new ServiceUpdateParameters { Service = service.Spec, Version = (long)(service.Version?.Index ?? 0) }, ct);
        }

        while ((await SwarmTasks.ListAsync(_docker, name, ct)).Any(t => t.Status?.State is TaskState.Running or TaskState.Starting or TaskState.Preparing))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }, ct);

    public Task<CommandResult> RunWithVolumeAsync(
        string tenant, string image, string volume, string mountPath, IReadOnlyList<string> command, Stream? stdin, Stream? stdout, CancellationToken ct) =>
        Guard(async () =>
        {
            var read = await SwarmObserver.ReadAsync(_docker, tenant, ct);
            var nodes = await SwarmNodes.ListAsync(_docker, ct);
            var owner = read.Services.FirstOrDefault(s => DataVolumes(s, nodes).Any(v => v.Volume == volume))
                ?? throw new ProvisionerException($"no service of {tenant} mounts volume {volume}, so its node is unknown");
            var node = DataVolumes(owner, nodes).First(v => v.Volume == volume).Node;
            var onNode = new DockerBackend(nodeEngines.For(node), new DockerBackendOptions { HostName = node.Hostname }, loggers.CreateLogger<DockerBackend>());
            // The image as the node knows it: the digest the component's service runs.
            var nodeImage = owner.Service.Spec?.TaskTemplate?.ContainerSpec?.Image ?? image;
            return await onNode.RunWithVolumeAsync(tenant, nodeImage, volume, mountPath, command, stdin, stdout, ct);
        }, ct);

    private Task<CommandResult> RunAsync(string tenant, string component, ExecRequest request, CancellationToken ct) => Guard(async () =>
    {
        // A task being (re)started by Swarm is waited for, within the caller's deadline (a probe's timeout, say).
        var deadline = DateTime.UtcNow + options.StartTimeout;
        var (service, task, node) = await LocateAsync(tenant, component, running: true, ct);
        while ((task is null || node is null) && service is not null && !service.Stopped && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            (service, task, node) = await LocateAsync(tenant, component, running: true, ct);
        }

        if (task?.Status?.ContainerStatus?.ContainerID is not { Length: > 0 } container || node is null)
        {
            throw new ProvisionerException($"{component} of {tenant} has no running task");
        }

        var engine = nodeEngines.For(node);
        var result = await EngineErrorMapping.Guard(engine, () => ExecRunner.RunAsync(engine.Client.Exec, container, request, ct), ct);
        return new CommandResult(result.ExitCode, result.Stdout, result.Stderr);
    }, ct);

    /// <summary>The component's service, its current (or running) task and the node of that task.</summary>
    private async Task<(ServiceTasks? Service, TaskResponse? Task, SwarmNode? Node)> LocateAsync(string tenant, string component, bool running, CancellationToken ct)
    {
        var read = await SwarmObserver.ReadAsync(_docker, tenant, ct);
        var service = read.Services.FirstOrDefault(s => s.Component == component);
        var task = running ? service?.Running : service?.Current;
        if (task?.NodeID is not { Length: > 0 } nodeId)
        {
            return (service, task, null);
        }

        var node = (await SwarmNodes.ListAsync(_docker, ct)).FirstOrDefault(n => n.Id == nodeId);
        return (service, task, node);
    }

    /// <summary>The volumes a service mounts, each with the node it lives on (the service's pinned node).</summary>
    private static IEnumerable<(string Volume, SwarmNode Node)> DataVolumes(ServiceTasks service, IReadOnlyList<SwarmNode> nodes)
    {
        var node = service.Labels.TryGetValue(SwarmLabels.Node, out var host) ? nodes.FirstOrDefault(n => n.Hostname == host) : null;
        if (node is null)
        {
            yield break;
        }

        foreach (var mount in service.Service.Spec?.TaskTemplate?.ContainerSpec?.Mounts ?? [])
        {
            if (mount.Type == "volume")
            {
                yield return (mount.Source ?? "", node);
            }
        }
    }

    /// <summary>Removes a service and waits until its containers are gone from their node (a volume is free again; a network can go).</summary>
    private async Task RemoveServiceAsync(ServiceTasks service, IReadOnlyList<SwarmNode> nodes, CancellationToken ct)
    {
        await IgnoreMissing(() => _docker.Swarm.RemoveServiceAsync(service.Service.ID, ct));
        var onNodes = service.Tasks.Select(t => t.NodeID).Distinct().Select(id => nodes.FirstOrDefault(n => n.Id == id)).Where(n => n is { IsReady: true }).ToList();
        foreach (var node in onNodes)
        {
            var engine = nodeEngines.For(node!);
            var filter = EngineFilters.Label($"com.docker.swarm.service.id={service.Service.ID}");
            for (var i = 0; i < 240; i++)
            {
                // Running ones only: Swarm removes stopped task containers later by itself (a volume's removal clears those first).
                var left = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { Filters = filter }, ct);
                if (left.Count == 0)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    /// <summary>Removes an overlay network, retrying while tasks still detach from it.</summary>
    private async Task RemoveNetworkAsync(string name, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await IgnoreMissing(() => _docker.Networks.DeleteNetworkAsync(name, ct));
                return;
            }
            catch (Exception e) when (attempt < 40 && e is global::Docker.DotNet.DockerApiException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    public Task RemoveVolumesOnHostAsync(string tenant, string host, IReadOnlyList<string> volumes, CancellationToken ct) => Guard(async () =>
    {
        var node = await SwarmNodes.FindAsync(_docker, host, ct);
        foreach (var volume in volumes)
        {
            await RemoveVolumeAsync(tenant, node, volume, ct);
            _log.LogInformation("{Tenant}: removed the old copy of volume {Volume} on {Host}", tenant, volume, node.Hostname);
        }
    }, ct);

    /// <summary>Removes a data volume on its node, first removing the tenant's stopped task containers there that still hold it.</summary>
    private async Task RemoveVolumeAsync(string tenant, SwarmNode node, string volume, CancellationToken ct)
    {
        var engine = nodeEngines.For(node);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await IgnoreMissing(() => engine.Client.Volumes.RemoveAsync(volume, force: true, ct));
                return;
            }
            catch (Exception e) when (attempt < 40 && EngineErrorMapping.IsConflict(e))
            {
                var holders = await engine.Client.Containers.ListContainersAsync(
                    new ContainersListParameters { All = true, Filters = EngineFilters.Label(Core.Stamps.StampLabels.TenantFilter(tenant)) }, ct);
                foreach (var stopped in holders.Where(c => c.State != "running"))
                {
                    await IgnoreMissing(() => engine.Client.Containers.RemoveContainerAsync(stopped.ID, new ContainerRemoveParameters { Force = true }, ct));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }
}
