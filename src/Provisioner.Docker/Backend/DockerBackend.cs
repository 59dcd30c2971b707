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
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;

namespace Provisioner.Docker.Backend;

/// <summary>
/// Tenants on one Docker engine. Apply reads what exists (label-filtered lists), diffs it against the stamp with
/// <see cref="ReconcilePlanner"/> and applies only the difference, so a rerun after any interruption converges.
/// </summary>
internal sealed partial class DockerBackend(DockerEngine engine, DockerBackendOptions options, ILogger<DockerBackend> log)
    : ITenantBackend, IComponentExec, IComponentStreams, IComponentControl, IVolumeAccess, IVolumePairs, IComponentAddresses, IEngineInventory
{
    private readonly IDockerClient _docker = engine.Client;

    /// <summary>The shared edge proxy, when the options turn it on.</summary>
    private EdgeProxy? EdgeProxy { get; } = options.Edge is null ? null : new EdgeProxy(engine.Client, options.Edge, log);

    /// <summary>The edge when <paramref name="stamp"/> is behind it (its edge network carries the route labels); else null.</summary>
    private EdgeProxy? BehindTheEdge(Stamp stamp) => EdgeProxy.Fronting(EdgeProxy, stamp);

    /// <summary>The kind recorded for tenants on a Docker engine.</summary>
    public static BackendKind BackendKind { get; } = BackendKind.Of("docker");

    public BackendKind Kind => BackendKind;

    public string Host => options.HostName;

    public Task PreflightAsync(Stamp stamp, CancellationToken ct) => Guard(async () =>
    {
        await _docker.System.PingAsync(ct);
        var images = stamp.Containers.Select(c => c.Spec.Image).Concat(stamp.Jobs.Select(j => j.Spec.Image)).Distinct().ToList();
        var edgeReady = BehindTheEdge(stamp) is { } edge
            ? edge.PreflightAsync(engine.Endpoint.Scheme == "unix" || EngineTls.IsLoopback(engine.Endpoint), ct)
            : Task.CompletedTask;
        var found = await Task.WhenAll(images.Select(image => ImageLookup.ExistsAsync(_docker.Images, image, ct)));
        await edgeReady;
        var missing = images.Where((_, i) => !found[i]).ToList();

        if (missing.Count > 0)
        {
            throw new ProvisionerException(
                $"image{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} not found on the engine at {EngineAddress.Display(engine.Endpoint)}",
                hint: "build them with `make images` (images are built locally; nothing is pulled)");
        }
    }, ct);

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct) => Guard(async () =>
    {
        var plan = ReconcilePlanner.Plan(stamp, await ObserveAgainstAsync(stamp, ct));
        return BehindTheEdge(stamp) is { } edge && await edge.PlanAsync(ct) is { } edgeChange ? [.. plan, edgeChange] : plan;
    }, ct);

    public Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct) => Guard(async () =>
    {
        var leftBoosted = new List<BoostedContainer>();
        var observed = await ObserveAgainstAsync(stamp, ct, leftBoosted);
        var plan = ReconcilePlanner.Plan(stamp, observed);

        // First: a running container this plan leaves alone may be waiting for secrets it never got (the engine restarted it,
        // or a provision was killed between its start and the delivery); later changes wait for it to be ready.
        var delivered = await RedeliverSecretsAsync(stamp, secrets, plan, ct);
        await ExecuteAllAsync(stamp, secrets, plan, observed, context, ct);

        // A container an interrupted apply left at its startup boost is lowered to its size now (not replaced: a database
        // replaced while it initialises would be stopped half-way).
        await SettleAsync(stamp.Tenant, leftBoosted.Where(b => !plan.Any(c => c.Name == b.Name)).ToList());

        // The tenant's route, and every other one (a recreated edge gets them all back); the edge made or started is a change.
        var edgeMade = BehindTheEdge(stamp) is { } edge ? (await edge.ConvergeAsync(ct, context.Progress)).Made : null;
        return new ApplyResult([.. delivered, .. plan, .. edgeMade is null ? [] : new[] { edgeMade }], stamp.Endpoint);
    }, ct);

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct) => Guard(() => DockerStatusReader.ReadAsync(_docker, tenant, ct), ct);

    /// <summary>One list of the tenant's running containers (their published ports are in it): no inspect.</summary>
    public Task<bool> PublishesAsync(string tenant, string address, CancellationToken ct) => Guard(async () =>
    {
        var running = await _docker.Containers.ListContainersAsync(
            new ContainersListParameters { Filters = EngineFilters.Label(StampLabels.TenantFilter(tenant)) }, ct);
        return running.Any(c => (c.Ports ?? []).Any(p => p.PublicPort > 0 && $"{p.IP}:{p.PublicPort}" == address));
    }, ct);

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct) => Guard(async () =>
    {
        var observed = await DockerObserver.ObserveAsync(_docker, tenant, ct);
        var changes = new List<PlannedChange>();
        if (EdgeProxy is { } edge)
        {
            await edge.DetachAsync(tenant, ct); // its route goes first, before its entry stops answering
        }

        foreach (var c in observed.Containers)
        {
            await StopAndRemoveAsync(c.Id, ct);
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Container, c.Name, "destroy"));
        }

        foreach (var n in observed.Networks)
        {
            await IgnoreMissing(() => _docker.Networks.DeleteNetworkAsync(n.Name, ct));
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Network, n.Name, "destroy"));
        }

        foreach (var v in observed.Volumes.Where(_ => deleteData))
        {
            await IgnoreMissing(() => _docker.Volumes.RemoveAsync(v.Name, force: true, ct));
            changes.Add(new PlannedChange(ChangeKind.Remove, ResourceType.Volume, v.Name, "destroy --delete-data"));
        }

        return (IReadOnlyList<PlannedChange>)changes;
    }, ct);

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) => Guard(async () =>
    {
        try
        {
            return await ContainerLogs.TailAsync(_docker.Containers, StampNames.Container(tenant, component), tail, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return "";
        }
    }, ct);

    /// <summary>
    /// What exists for the stamp's tenant, with the containers that drifted from it by hand marked (see <see cref="DockerDrift"/>);
    /// a container an interrupted apply left at its startup boost is added to <paramref name="leftBoosted"/>.
    /// </summary>
    private async Task<ObservedState> ObserveAgainstAsync(Stamp stamp, CancellationToken ct, List<BoostedContainer>? leftBoosted = null) =>
        await DockerDrift.MarkAsync(
            _docker, stamp, await DockerObserver.ObserveAsync(_docker, stamp.Tenant, ct), ct, (long)Math.Round(options.StartupCpus * 1e9), leftBoosted);

    /// <summary>The labels a resource is created with: the stamp's, and this registry's owner label (outside the stamp hash).</summary>
    private Dictionary<string, string> Owned(IReadOnlyDictionary<string, string> labels)
    {
        var all = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        if (options.Owner is { Length: > 0 } owner)
        {
            all[StampLabels.Owner] = owner;
        }

        return all;
    }

    private Task<T> Guard<T>(Func<Task<T>> action, CancellationToken ct) => EngineErrorMapping.Guard(engine, action, ct);

    private Task Guard(Func<Task> action, CancellationToken ct) => EngineErrorMapping.Guard(engine, action, ct);

    /// <summary>The plan's changes in order, each announced to the context; dependencies are waited for once each; boosted containers settled at the end.</summary>
    private async Task ExecuteAllAsync(Stamp stamp, TenantSecrets secrets, IReadOnlyList<PlannedChange> plan, ObservedState observed, ApplyContext context, CancellationToken ct)
    {
        var ready = new HashSet<string>();
        async Task WaitFor(IReadOnlyList<string> dependencies)
        {
            foreach (var dependency in dependencies.Where(ready.Add))
            {
                await context.WaitUntilReady(dependency, ct);
            }
        }

        var boosted = new List<BoostedContainer>();
        try
        {
            foreach (var change in plan)
            {
                await context.BeforeChange(change);
                log.LogInformation("{Tenant}: {Change} {ResourceKind} {Resource} ({Reason})", stamp.Tenant, change.Kind, change.Resource.Name, change.Name, change.Reason);
                await ExecuteAsync(stamp, secrets, change, observed, WaitFor, boosted, ct);
                await context.AfterChange(change);
            }
        }
        finally
        {
            await SettleAsync(stamp.Tenant, boosted);
        }
    }

    private async Task ExecuteAsync(
        Stamp stamp, TenantSecrets secrets, PlannedChange change, ObservedState observed, Func<IReadOnlyList<string>, Task> waitFor, List<BoostedContainer> boosted, CancellationToken ct)
    {
        switch (change.Resource.Name, change.Kind)
        {
            case ("network", ChangeKind.Create):
                var network = stamp.Networks.Single(n => n.Name == change.Name);
                var parameters = new NetworksCreateParameters { Name = network.Name, Driver = "bridge", Internal = network.Internal, Labels = Owned(network.Labels) };
                if (network.Internal && options.Edge is not null)
                {
                    // An internal bridge still gives the host an address on it, and through it every service of the host (any
                    // of its addresses answers there): with the edge on, the bridge gets none, so nothing outside the tenant answers.
                    parameters.Options = new Dictionary<string, string> { ["com.docker.network.bridge.inhibit_ipv4"] = "true" };
                }

                await IgnoreConflict(() => NetworkGuard.CreateIfAbsentAsync(_docker.Networks, parameters, ct));
                break;
            case ("volume", ChangeKind.Create):
                var volume = stamp.Volumes.Single(v => v.Name == change.Name);
                await _docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume.Name, Labels = Owned(volume.Labels) }, ct);
                break;
            case ("job", ChangeKind.Run):
                var job = stamp.Jobs.Single(j => j.Name == change.Name);
                await RemoveIfPresent(observed, job.Name, ct);
                await waitFor(job.DependsOn);
                await RunJobAsync(job, secrets, boosted, ct);
                break;
            case ("container", ChangeKind.Create or ChangeKind.Replace):
                var container = stamp.Containers.Single(c => c.Name == change.Name);
                await RemoveIfPresent(observed, container.Name, ct);
                await waitFor(container.DependsOn);
                var id = await CreateAsync(container.Name, container.Spec, container.Labels, longRunning: true, boosted, ct);
                await StartAsync(id, container.Name, container.Spec, secrets, ct);
                break;
            case ("container", ChangeKind.Start):
                var stopped = stamp.Containers.Single(c => c.Name == change.Name);
                await waitFor(stopped.DependsOn);
                await StartAsync(change.Name, change.Name, stopped.Spec, secrets, ct); // a tmpfs starts empty: the secrets again
                break;
            case ("container", ChangeKind.Remove):
                await StopAndRemoveAsync(change.Name, ct);
                break;
            case ("network", ChangeKind.Remove):
                if (EdgeProxy is { } edge && change.Name == StampNames.EdgeNetwork(stamp.Tenant))
                {
                    await edge.DetachAsync(stamp.Tenant, ct);
                }

                await IgnoreMissing(() => _docker.Networks.DeleteNetworkAsync(change.Name, ct));
                break;
            default:
                throw new InvalidOperationException($"the Docker backend cannot {change}");
        }
    }

    private async Task RunJobAsync(JobResource job, TenantSecrets secrets, List<BoostedContainer> boosted, CancellationToken ct)
    {
        var id = await CreateAsync(job.Name, job.Spec, job.Labels, longRunning: false, boosted, ct);   // kept, exited: settled to its size's limit too

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.JobTimeout);
        await StartAsync(id, job.Name, job.Spec, secrets, ct);
        long exit;
        try
        {
            exit = await ContainerExit.WaitAsync(_docker.Containers, id, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await StopAsync(id, 5, ct);
            throw new ProvisionerException($"job {job.Name} did not finish within {options.JobTimeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException)
        {
            // Cancelled (Ctrl-C): a migration must not keep changing the database behind a rollback.
            await IgnoreMissing(() => StopAsync(id, 5, CancellationToken.None));
            throw;
        }

        if (exit != 0)
        {
            var logs = await ContainerLogs.TailAsync(_docker.Containers, id, options.JobLogLines, ct);
            throw new ProvisionerException($"job {job.Name} failed (exit {exit}). Last log lines:\n{logs.TrimEnd()}");
        }
    }

    /// <summary>Creates the container, boosted when its size allows less than the boost; a boosted one is added to <paramref name="boosted"/>, to be settled.</summary>
    private async Task<string> CreateAsync(
        string name, ContainerSpec spec, IReadOnlyDictionary<string, string> labels, bool longRunning, List<BoostedContainer> boosted, CancellationToken ct)
    {
        var needsImage = spec.SecretFiles.Count > 0 || (spec.Security.Tmpfs.Count > 0 && spec.Security.User is null);
        var image = needsImage ? await ImageDefaults.ReadAsync(_docker.Images, spec.Image, ct) : ImageDefaults.None;
        var parameters = ContainerParameters.For(spec, Owned(labels), longRunning, image);
        parameters.Name = name;
        var boost = BoostFor(spec);
        if (boost is not null)
        {
            parameters.HostConfig!.NanoCPUs = boost.Value;
            parameters.HostConfig.CPUShares = Math.Max(parameters.HostConfig.CPUShares, BoostShares);
        }

        var id = (await _docker.Containers.CreateContainerAsync(parameters, ct)).ID;
        if (boost is not null)
        {
            boosted.Add(new BoostedContainer(id, name, spec.NanoCpus, ContainerParameters.CpuShares(spec)));
        }

        foreach (var extra in spec.Networks.Skip(1))
        {
            var endpoint = new EndpointSettings { Aliases = [.. extra.Aliases] };
            await _docker.Networks.ConnectNetworkAsync(extra.Network, new NetworkConnectParameters { Container = id, EndpointConfig = endpoint }, ct);
        }

        return id;
    }

    private async Task RemoveIfPresent(ObservedState observed, string name, CancellationToken ct)
    {
        if (observed.Containers.Any(c => c.Name == name))
        {
            await StopAndRemoveAsync(name, ct);
        }
    }

    /// <summary>Stops with the container's stop signal first (PostgreSQL shuts down cleanly on SIGINT), then removes it.</summary>
    private async Task StopAndRemoveAsync(string idOrName, CancellationToken ct)
    {
        await IgnoreMissing(() => StopAsync(idOrName, options.StopTimeoutSeconds, ct));
        await IgnoreMissing(() => _docker.Containers.RemoveContainerAsync(idOrName, new ContainerRemoveParameters { Force = true }, ct));
    }

    /// <summary>Stop signal, then kill after <paramref name="seconds"/>; stopping a stopped container succeeds (the engine answers 304).</summary>
    private Task StopAsync(string idOrName, int seconds, CancellationToken ct) =>
        _docker.Containers.StopContainerAsync(idOrName, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)seconds }, ct);

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

    private static async Task IgnoreConflict(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (EngineErrorMapping.IsConflict(e))
        {
        }
    }
}
