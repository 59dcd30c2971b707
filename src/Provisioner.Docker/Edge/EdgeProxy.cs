using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Edge;
using Provisioner.Core.Errors;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Edge;

/// <summary>
/// The shared edge proxy on one engine. Its route table is rebuilt from the engine every time: each tenant network
/// labelled with this edge's name carries its host name and upstream (<see cref="EdgeLabels"/>), so a recreated edge
/// container, or one that missed a change, converges on the next call. Routes are loaded through Caddy's admin API
/// (<c>caddy reload</c> in the container): a graceful switch, in-flight and new requests of other tenants are not dropped.
/// </summary>
internal sealed partial class EdgeProxy(IDockerClient docker, EdgeOptions edge, ILogger log)
{
    /// <summary>How long a provision waits for another one that is creating the edge.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Makes sure the edge runs, is attached to every tenant edge network it serves, has loaded exactly their routes,
    /// and that its CA root is exported. Idempotent. Returns the routes loaded and whether its container was made or started.
    /// A converged rerun skips loading routes this home already loaded into the same running container; <paramref name="reload"/> does not.
    /// </summary>
    public async Task<EdgeConvergence> ConvergeAsync(CancellationToken ct, IProgress<string>? progress = null, bool reload = false)
    {
        var (container, made) = await EnsureRunningAsync(progress, ct);

        // The start time is known only for a container that already ran (one just started would need another inspect);
        // without it (or with reload: `provision edge sync`) the routes are loaded even if this home loaded them already.
        var startedAt = made is null && !reload ? container.State?.StartedAt : null;
        var (routes, loaded) = await SyncAsync(container.ID, exclude: null, ct, startedAt: startedAt);
        if (loaded || !File.Exists(edge.CaFile))
        {
            await ExportCaAsync(container.ID, ct);
        }

        return new EdgeConvergence(routes, made);
    }

    /// <summary>The change converging would make to the edge's own container (a dry run shows it); null when it runs.</summary>
    public async Task<PlannedChange?> PlanAsync(CancellationToken ct) => (await StateAsync(ct)).Needed;

    /// <summary>
    /// The edge's container (null when it or its network is missing: both are made again) and what it needs: to be
    /// created, started, or nothing. The dry run and the converge decide from this one reading.
    /// </summary>
    private async Task<(ContainerInspectResponse? Container, PlannedChange? Needed)> StateAsync(CancellationToken ct)
    {
        var container = await InspectAsync(ct);
        if (container is null || await NetworkGuard.FindAsync(docker.Networks, edge.Name, ct) is null)
        {
            return (null, Created());
        }

        return (container, container.State?.Running != true ? new PlannedChange(ChangeKind.Start, EdgeProxyType, edge.Name, "stopped") : null);
    }

    private static ResourceType EdgeProxyType => ResourceType.EdgeProxy;

    private PlannedChange Created() => new(ChangeKind.Create, EdgeProxyType, edge.Name, "missing");

    /// <summary>
    /// Loads the routes again even when they did not change (<c>caddy reload --force</c>): a new upstream transport, so
    /// connections kept open to a container that no longer has a route's name are let go (a quiet upgrade's old version).
    /// Nothing to do when the edge is not running.
    /// </summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        if (await InspectAsync(ct) is { State.Running: true } container)
        {
            await SyncAsync(container.ID, exclude: null, ct, force: true);
        }
    }

    /// <summary><paramref name="edge"/> when <paramref name="stamp"/> is behind it (its edge network carries the route labels); else null.</summary>
    public static EdgeProxy? Fronting(EdgeProxy? edge, Stamp stamp) =>
        edge is not null && stamp.Networks.Any(n => n.Labels.ContainsKey(EdgeLabels.Edge)) ? edge : null;

    /// <summary>Takes <paramref name="tenant"/>'s route out first, then detaches the edge from its edge network (so the network can go).</summary>
    public async Task DetachAsync(string tenant, CancellationToken ct)
    {
        var network = StampNames.EdgeNetwork(tenant);
        var container = await InspectAsync(ct);
        if (container is null)
        {
            return;
        }

        if (container.State?.Running == true)
        {
            await SyncAsync(container.ID, exclude: tenant, ct);
        }

        if (container.NetworkSettings?.Networks?.ContainsKey(network) == true)
        {
            await IgnoreMissing(() => docker.Networks.DisconnectNetworkAsync(network, new NetworkDisconnectParameters { Container = container.ID, Force = true }, ct));
        }
    }

    /// <summary>
    /// Removes the edge's container, network and volume (its CA goes with the volume; the exported copy too) once no
    /// tenant network is routed through it. False when none of them existed.
    /// </summary>
    public async Task<bool> RemoveAsync(CancellationToken ct)
    {
        var routes = await RoutesAsync(exclude: null, ct);
        if (routes.Count > 0)
        {
            throw new ProvisionerException(
                $"the edge proxy {edge.Name} still serves {routes.Count} tenant(s): {string.Join(", ", routes.Select(r => r.Tenant).Take(5))}{(routes.Count > 5 ? ", ..." : "")}",
                hint: "destroy them (or move them off the edge) first; removing it would cut them off");
        }

        var removed = false;
        if (await InspectAsync(ct) is { } container)
        {
            await IgnoreMissing(() => docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, ct));
            removed = true;
        }

        if (await NetworkGuard.FindAsync(docker.Networks, edge.Name, ct) is not null)
        {
            await IgnoreMissing(() => docker.Networks.DeleteNetworkAsync(edge.Name, ct));
            removed = true;
        }

        try
        {
            await docker.Volumes.RemoveAsync(EdgeContainer.Volume(edge), force: false, ct);
            removed = true;
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
        }

        if (edge.Certificate is null && File.Exists(edge.CaFile))
        {
            File.Delete(edge.CaFile);
        }

        if (removed)
        {
            log.LogInformation("Removed the edge proxy {Edge} (container, network, volume)", edge.Name);
        }

        return removed;
    }

    /// <summary>The CA root exported by the last converge, or the one in the running edge (exported now); null when there is none yet.</summary>
    public async Task<string?> CaFileAsync(CancellationToken ct)
    {
        if (edge.Certificate is { } operatorCertificate)
        {
            return operatorCertificate.CaFile;   // the operator's; nothing is exported
        }

        var container = await InspectAsync(ct);
        if (container is { State.Running: true })
        {
            await ExportCaAsync(container.ID, ct);
        }

        return File.Exists(edge.CaFile) ? edge.CaFile : null;
    }

    /// <summary>
    /// Before a tenant's first change: an edge that is not running yet needs its image, and its port free: held by no
    /// running container of the engine (another edge, when the engine is also a Swarm manager with its own), and, checked
    /// when the engine is on this machine (<paramref name="onThisMachine"/>), by no other process; otherwise the tenant
    /// would be made and then fail at the edge's start.
    /// </summary>
    public async Task PreflightAsync(bool onThisMachine, CancellationToken ct)
    {
        if (await InspectAsync(ct) is { State.Running: true })
        {
            return;
        }

        if (!await ImageLookup.ExistsAsync(docker.Images, edge.Image, ct))
        {
            throw ImageMissing();
        }

        var holders = await docker.Containers.ListContainersAsync(new ContainersListParameters { Filters = EngineFilters.Publishing(edge.Port) }, ct);
        if (holders.FirstOrDefault(c => !(c.Names ?? []).Contains("/" + edge.Name) && (c.Ports ?? []).Any(p => Overlaps((int)(p.PublicPort ?? 0), p.IP))) is { } holder)
        {
            throw PortTaken($"by the container {(holder.Names?.FirstOrDefault() ?? holder.ID).TrimStart('/')}");
        }

        // Taken: by another program, or by this very edge, started by another provision since the inspect above.
        if (onThisMachine && !HostPorts.IsFree(edge.Address, edge.Port) && await InspectAsync(ct) is not { State.Running: true })
        {
            throw PortTaken();
        }
    }

    private async Task<(ContainerInspectResponse Container, PlannedChange? Made)> EnsureRunningAsync(IProgress<string>? progress, CancellationToken ct)
    {
        var (container, made) = await StateAsync(ct);
        if (container is null)
        {
            progress?.Report($"create edge proxy {edge.Name} (https on {edge.Address}:{edge.Port} for *.{edge.Domain}; {(edge.Certificate is null ? "its own CA" : "the operator's certificate")})");
            container = await CreateAsync(ct);
        }

        if (container.State?.Running != true)
        {
            await StartAsync(container.ID, ct);
            made ??= new PlannedChange(ChangeKind.Start, EdgeProxyType, edge.Name, "stopped");
        }

        var attached = container.NetworkSettings?.Networks?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var route in await RoutesAsync(exclude: null, ct))
        {
            if (!attached.Contains(route.Network))
            {
                await ConnectAsync(container.ID, route.Network, ct);
            }
        }

        return (container, made);
    }

    /// <summary>
    /// The edge's network, volume and container, made under a lock kept on the engine (<see cref="EngineNameLock"/>): two
    /// first provisions, from two homes even, may get here at once, and the engine neither refuses a second network of a
    /// name nor shows a container before its create has finished. The lock's never-started container uses the edge's image.
    /// </summary>
    private async Task<ContainerInspectResponse> CreateAsync(CancellationToken ct)
    {
        if (!await ImageLookup.ExistsAsync(docker.Images, edge.Image, ct))
        {
            throw ImageMissing();
        }

        await using (await EngineNameLock.AcquireAsync(docker.Containers, EdgeContainer.LockName(edge), edge.Image, EdgeContainer.Labels(edge), LockWait, ct))
        {
            var network = await NetworkGuard.CreateIfAbsentAsync(
                docker.Networks, new NetworksCreateParameters { Name = edge.Name, Driver = "bridge", Labels = EdgeContainer.Labels(edge) }, ct);
            if (await InspectAsync(ct) is { } made)
            {
                return made;   // made by another provision while this one waited for the lock
            }

            await docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = EdgeContainer.Volume(edge), Labels = EdgeContainer.Labels(edge) }, ct);
            await docker.Containers.CreateContainerAsync(EdgeContainer.For(edge, network), ct);
            log.LogInformation("Created the edge proxy {Edge} on {Address}:{Port}", edge.Name, edge.Address, edge.Port);
            return await InspectAsync(ct) ?? throw new ProvisionerException($"the edge proxy {edge.Name} vanished right after it was created");
        }
    }

    private async Task StartAsync(string id, CancellationToken ct)
    {
        try
        {
            await docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct);
        }
        catch (DockerApiException e) when (EngineMessage.Of(e) is var m && (m.Contains("port is already allocated", StringComparison.Ordinal) || m.Contains("address already in use", StringComparison.Ordinal)))
        {
            await IgnoreMissing(() => docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct));
            throw PortTaken();
        }
    }

    /// <summary>Whether a published port binds what the edge would: its port, on its address or on all of them (either side).</summary>
    private bool Overlaps(int port, string? address) =>
        port == edge.Port && (address is null or "" or "0.0.0.0" or "::" || address == edge.Address || edge.Address == "0.0.0.0");

    private ProvisionerException ImageMissing() => new(
        $"the edge proxy's image {edge.Image} is not on the engine",
        hint: "build it with `make images` (nothing is pulled), or turn the edge off with edge: { enabled: false } (or PROVISIONER_EDGE=off)");

    private ProvisionerException PortTaken(string by = "by another process") => new(
        $"the edge proxy {edge.Name} cannot publish {edge.Address}:{edge.Port}: the port is taken {by}",
        hint: "free it, choose another with edge.port in provisioner.yaml (or PROVISIONER_EDGE_PORT), or turn the edge off with edge: { enabled: false } (or PROVISIONER_EDGE=off)");

    private async Task ConnectAsync(string id, string network, CancellationToken ct)
    {
        try
        {
            await docker.Networks.ConnectNetworkAsync(network, new NetworkConnectParameters { Container = id }, ct);
        }
        catch (DockerApiException e) when (EngineMessage.Of(e) is var m && (m.Contains("already exists", StringComparison.Ordinal) || m.Contains("already attached", StringComparison.Ordinal)) || EngineErrorMapping.IsNotFound(e))
        {
            // attached meanwhile by another provision (a bridge says "already exists", an overlay "already attached"), or
            // the tenant's network went with its destroy
        }
    }

    private async Task<ContainerInspectResponse?> InspectAsync(CancellationToken ct)
    {
        try
        {
            return await docker.Containers.InspectContainerAsync(edge.Name, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return null;
        }
    }

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
