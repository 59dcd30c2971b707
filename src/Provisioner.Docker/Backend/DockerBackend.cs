using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>
/// Tenants on one Docker engine. Apply reads what exists (label-filtered lists), diffs it against the stamp with
/// <see cref="ReconcilePlanner"/> and applies only the difference, so a rerun after any interruption converges.
/// </summary>
public sealed class DockerBackend(IDockerClient docker, DockerBackendOptions options, ILogger<DockerBackend> log) : ITenantBackend
{
    public string Kind => "docker";

    public string Host => options.HostName;

    public Task PreflightAsync(Stamp stamp, CancellationToken ct) => EngineErrorMapping.Guard(async () =>
    {
        await docker.System.PingAsync(ct);
        var images = stamp.Containers.Select(c => c.Spec.Image).Concat(stamp.Jobs.Select(j => j.Spec.Image)).Distinct().ToList();
        var missing = new List<string>();
        foreach (var image in images)
        {
            if (!await docker.Images.ExistsAsync(image, ct))
            {
                missing.Add(image);
            }
        }

        if (missing.Count > 0)
        {
            throw new ProvisionerException(
                $"image{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} not found on the engine at {docker.Endpoint}",
                hint: "build them with `make images` (images are built locally; nothing is pulled)");
        }
    });

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct) => EngineErrorMapping.Guard(async () =>
        ReconcilePlanner.Plan(stamp, await DockerObserver.ObserveAsync(docker, stamp.Tenant, ct)));

    public Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct) => EngineErrorMapping.Guard(async () =>
    {
        var observed = await DockerObserver.ObserveAsync(docker, stamp.Tenant, ct);
        var plan = ReconcilePlanner.Plan(stamp, observed);
        var ready = new HashSet<string>();
        async Task WaitFor(IReadOnlyList<string> dependencies)
        {
            foreach (var dependency in dependencies.Where(ready.Add))
            {
                await context.WaitUntilReady(dependency, ct);
            }
        }

        foreach (var change in plan)
        {
            await context.BeforeChange(change);
            log.LogInformation("{Tenant}: {Change} {ResourceKind} {Resource} ({Reason})", stamp.Tenant, change.Kind, change.ResourceKind, change.Name, change.Reason);
            await ExecuteAsync(stamp, secrets, change, observed, WaitFor, ct);
            await context.AfterChange(change);
        }

        return new ApplyResult(plan, stamp.Endpoint);
    });

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct) => EngineErrorMapping.Guard(() => DockerStatusReader.ReadAsync(docker, tenant, ct));

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct) => EngineErrorMapping.Guard(async () =>
    {
        var observed = await DockerObserver.ObserveAsync(docker, tenant, ct);
        var changes = new List<PlannedChange>();
        foreach (var c in observed.Containers)
        {
            await StopAndRemoveAsync(c.Id, ct);
            changes.Add(new PlannedChange(ChangeKind.Remove, "container", c.Name, "destroy"));
        }

        foreach (var n in observed.Networks)
        {
            await IgnoreMissing(() => docker.Networks.RemoveAsync(n.Name, ct));
            changes.Add(new PlannedChange(ChangeKind.Remove, "network", n.Name, "destroy"));
        }

        foreach (var v in observed.Volumes.Where(_ => deleteData))
        {
            await IgnoreMissing(() => docker.Volumes.RemoveAsync(v.Name, force: true, ct));
            changes.Add(new PlannedChange(ChangeKind.Remove, "volume", v.Name, "destroy --delete-data"));
        }

        return (IReadOnlyList<PlannedChange>)changes;
    });

    public Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct) =>
        EngineErrorMapping.Guard(async () =>
        {
            var result = await docker.Exec.RunAsync(StampNames.Container(tenant, component), new ExecCreateParameters { Cmd = command, User = user }, ct);
            return new CommandResult(result.ExitCode, result.Stdout, result.Stderr);
        });

    public Task<CommandResult> ExecWithInputAsync(
        string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdin, CancellationToken ct) =>
        EngineErrorMapping.Guard(async () =>
        {
            var parameters = new ExecCreateParameters { Cmd = command, User = user, Stdin = stdin };
            var result = await docker.Exec.RunAsync(StampNames.Container(tenant, component), parameters, ct);
            return new CommandResult(result.ExitCode, result.Stdout, result.Stderr);
        });

    public Task<CommandResult> ExecToStreamAsync(
        string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdout, CancellationToken ct) =>
        EngineErrorMapping.Guard(async () =>
        {
            var parameters = new ExecCreateParameters { Cmd = command, User = user, StdoutSink = stdout };
            var result = await docker.Exec.RunAsync(StampNames.Container(tenant, component), parameters, ct);
            return new CommandResult(result.ExitCode, result.Stdout, result.Stderr);
        });

    public Task StopComponentAsync(string tenant, string component, CancellationToken ct) => EngineErrorMapping.Guard(() =>
        IgnoreMissing(() => docker.Containers.StopAsync(StampNames.Container(tenant, component), options.StopTimeoutSeconds, ct)));

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) => EngineErrorMapping.Guard(async () =>
    {
        try
        {
            return await docker.Containers.GetLogsAsync(StampNames.Container(tenant, component), tail, ct);
        }
        catch (DockerNotFoundException)
        {
            return "";
        }
    });

    private async Task ExecuteAsync(
        Stamp stamp, TenantSecrets secrets, PlannedChange change, ObservedState observed, Func<IReadOnlyList<string>, Task> waitFor, CancellationToken ct)
    {
        switch (change.ResourceKind, change.Kind)
        {
            case ("network", ChangeKind.Create):
                var network = stamp.Networks.Single(n => n.Name == change.Name);
                await IgnoreConflict(() => docker.Networks.CreateAsync(new NetworkCreateParameters { Name = network.Name, Internal = network.Internal, Labels = network.Labels }, ct));
                break;
            case ("volume", ChangeKind.Create):
                var volume = stamp.Volumes.Single(v => v.Name == change.Name);
                await docker.Volumes.CreateAsync(new VolumeCreateParameters { Name = volume.Name, Labels = volume.Labels }, ct);
                break;
            case ("job", ChangeKind.Run):
                var job = stamp.Jobs.Single(j => j.Name == change.Name);
                await RemoveIfPresent(observed, job.Name, ct);
                await waitFor(job.DependsOn);
                await RunJobAsync(job, secrets, ct);
                break;
            case ("container", ChangeKind.Create or ChangeKind.Replace):
                var container = stamp.Containers.Single(c => c.Name == change.Name);
                await RemoveIfPresent(observed, container.Name, ct);
                await waitFor(container.DependsOn);
                var id = await CreateAsync(container.Name, container.Spec, container.Labels, secrets, longRunning: true, ct);
                await docker.Containers.StartAsync(id, ct);
                break;
            case ("container", ChangeKind.Start):
                await waitFor(stamp.Containers.Single(c => c.Name == change.Name).DependsOn);
                await docker.Containers.StartAsync(change.Name, ct);
                break;
            case ("container", ChangeKind.Remove):
                await StopAndRemoveAsync(change.Name, ct);
                break;
            case ("network", ChangeKind.Remove):
                await IgnoreMissing(() => docker.Networks.RemoveAsync(change.Name, ct));
                break;
            default:
                throw new InvalidOperationException($"the Docker backend cannot {change}");
        }
    }

    private async Task RunJobAsync(JobResource job, TenantSecrets secrets, CancellationToken ct)
    {
        var id = await CreateAsync(job.Name, job.Spec, job.Labels, secrets, longRunning: false, ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.JobTimeout);
        await docker.Containers.StartAsync(id, ct);
        long exit;
        try
        {
            exit = await docker.Containers.WaitAsync(id, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await docker.Containers.StopAsync(id, 5, ct);
            throw new ProvisionerException($"job {job.Name} did not finish within {options.JobTimeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException)
        {
            // Cancelled (Ctrl-C): a migration must not keep changing the database behind a rollback.
            await IgnoreMissing(() => docker.Containers.StopAsync(id, 5, CancellationToken.None));
            throw;
        }

        if (exit != 0)
        {
            var logs = await docker.Containers.GetLogsAsync(id, options.JobLogLines, ct);
            throw new ProvisionerException($"job {job.Name} failed (exit {exit}). Last log lines:\n{logs.TrimEnd()}");
        }
    }

    private async Task<string> CreateAsync(
        string name, ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TenantSecrets secrets, bool longRunning, CancellationToken ct)
    {
        var id = await docker.Containers.CreateAsync(name, ContainerParameters.For(spec, labels, longRunning), ct);
        foreach (var extra in spec.Networks.Skip(1))
        {
            await docker.Networks.ConnectAsync(extra.Network, id, extra.Aliases, ct);
        }

        if (spec.SecretFiles.Count > 0)
        {
            using var archive = SecretArchive.Build(spec.SecretFiles, secrets);
            await docker.Containers.PutArchiveAsync(id, "/", archive, copyUidGid: false, ct);
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
        await IgnoreMissing(() => docker.Containers.StopAsync(idOrName, options.StopTimeoutSeconds, ct));
        await IgnoreMissing(() => docker.Containers.RemoveAsync(idOrName, force: true, cancellationToken: ct));
    }

    private static async Task IgnoreMissing(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DockerNotFoundException)
        {
        }
    }

    private static async Task IgnoreConflict(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DockerConflictException)
        {
        }
    }
}
