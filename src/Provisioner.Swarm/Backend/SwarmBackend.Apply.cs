using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;
using Provisioner.Swarm.Cluster;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;

namespace Provisioner.Swarm.Backend;

/// <summary>Applying one planned change: networks, services, jobs; and the tenant's entry address afterwards.</summary>
internal sealed partial class SwarmBackend
{
    private async Task ExecuteAsync(ApplyRun run, PlannedChange change, Func<IReadOnlyList<string>, Task> waitFor, CancellationToken ct)
    {
        var stamp = run.Stamp;
        switch (change.Resource.Name, change.Kind)
        {
            case ("network", ChangeKind.Create):
                var network = stamp.Networks.Single(n => n.Name == change.Name);
                var parameters = new NetworksCreateParameters
                {
                    Name = network.Name, Driver = "overlay", Scope = "swarm", Attachable = true, Internal = network.Internal,
                    Labels = new Dictionary<string, string>(network.Labels),
                    Options = await EncryptedOverlaysAsync(ct) ? new Dictionary<string, string> { ["encrypted"] = "" } : null!,
                };
                await NetworkGuard.CreateIfAbsentAsync(_docker.Networks, parameters, ct);
                break;
            case ("volume", ChangeKind.Create):
                // A volume lives on its node: the engine there creates it (with its labels) when the pinned service's task starts.
                break;
            case ("job", ChangeKind.Run):
                var job = stamp.Jobs.Single(j => j.Name == change.Name);
                await RemoveIfPresentAsync(run, job.Name, ct);
                await waitFor(job.DependsOn);
                await RunJobAsync(run, job, ct);
                break;
            case ("container", ChangeKind.Create or ChangeKind.Replace or ChangeKind.Start):
                var container = stamp.Containers.Single(c => c.Name == change.Name);
                await RemoveIfPresentAsync(run, container.Name, ct);
                await waitFor(container.DependsOn);
                await CreateServiceAsync(run, container.Name, container.Spec, container.Labels, job: false, ct);
                await WaitRunningAsync(container.Name, ct);
                break;
            case ("container", ChangeKind.Remove):
                await RemoveIfPresentAsync(run, change.Name, ct);
                break;
            case ("network", ChangeKind.Remove):
                if (EdgeProxy is { } edge && change.Name == StampNames.EdgeNetwork(stamp.Tenant))
                {
                    await edge.DetachAsync(stamp.Tenant, ct);
                }

                await RemoveNetworkAsync(change.Name, ct);
                break;
            default:
                throw new InvalidOperationException($"the Swarm backend cannot {change}");
        }
    }

    private async Task CreateServiceAsync(
        ApplyRun run, string name, ContainerSpec spec, IReadOnlyDictionary<string, string> labels, bool job, CancellationToken ct)
    {
        var registry = await RegistryAsync(ct);
        var image = await images.ReferenceAsync(spec.Image, registry, null, ct);
        var secrets = await SecretsAsync(run, spec, ct);
        // Data stays on its node; so does an entry that publishes its port, whose address is its node's (host-mode port: this
        // kernel has no routing mesh), so the tenant's endpoint survives upgrades. Other stateless components (workers, jobs,
        // an entry behind the cluster's edge, which dials it by name) go anywhere.
        var pin = spec.Mounts.Count > 0 || spec.Port is not null ? run.Pin : null;
        var volumeLabels = run.Stamp.Volumes.ToDictionary(v => v.Name, v => v.Labels);
        var service = ServiceSpecs.For(name, spec, labels, image, pin, secrets, volumeLabels, job);
        await _docker.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = service, RegistryAuth = new AuthConfig() }, ct);
    }

    private async Task RunJobAsync(ApplyRun run, JobResource job, CancellationToken ct)
    {
        var outcome = (Succeeded: false, Text: "");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await CreateServiceAsync(run, job.Name, job.Spec, job.Labels, job: true, ct);
            outcome = await SwarmTasks.WaitJobAsync(_docker, job.Name, options.JobTimeout, ct);
            if (outcome.Succeeded || !outcome.Text.StartsWith("rejected", StringComparison.Ordinal))
            {
                break;
            }

            // Rejected by its node before it started (seen unfit for a moment, a new overlay not there yet): a job is not
            // restarted by Swarm, so run it again.
            _log.LogWarning("{Job} was rejected by its node ({Reason}); running it again", job.Name, outcome.Text);
            await _docker.Swarm.RemoveServiceAsync(job.Name, ct);
        }

        if (outcome.Succeeded)
        {
            return;
        }

        var logs = await GetLogsAsync(run.Stamp.Tenant, job.Job, options.JobLogLines, ct);
        throw new ProvisionerException($"job {job.Name} failed ({outcome.Text}). Last log lines:\n{logs.TrimEnd()}");
    }

    private async Task WaitRunningAsync(string service, CancellationToken ct)
    {
        var failure = await SwarmTasks.WaitRunningAsync(_docker, service, options.StartTimeout, ct);
        if (failure is not null)
        {
            throw new ProvisionerException(
                $"service {service} did not start: {failure}",
                hint: failure.Contains("insufficient resources", StringComparison.Ordinal) ? "the node has no room left: `provision host list` shows free capacity" : null);
        }
    }

    /// <summary>The component's secrets as Swarm secrets (immutable: named after a hash of the value), mounted 0400 for the image's user.</summary>
    private async Task<IReadOnlyList<SecretReference>> SecretsAsync(ApplyRun run, ContainerSpec spec, CancellationToken ct)
    {
        if (spec.SecretFiles.Count == 0)
        {
            return [];
        }

        var (uid, gid) = await ImageUserAsync(spec.Image, ct);
        var references = new List<SecretReference>();
        foreach (var name in spec.SecretFiles)
        {
            var value = run.Secrets[name];
            var swarmName = SwarmSecretNames.For(run.Stamp.Tenant, name, value);
            var id = run.Read.Secrets.FirstOrDefault(s => s.Spec?.Name == swarmName)?.ID ?? await CreateSecretAsync(run.Stamp.Tenant, swarmName, value, ct);
            references.Add(new SecretReference
            {
                SecretID = id, SecretName = swarmName,
                File = new SecretReferenceFileTarget { Name = name, UID = uid, GID = gid, Mode = ServiceSpecs.SecretMode },
            });
        }

        return references;
    }

    private async Task<string> CreateSecretAsync(string tenant, string name, string value, CancellationToken ct)
    {
        try
        {
            var labels = new Dictionary<string, string> { [StampLabels.Managed] = "true", [StampLabels.Tenant] = tenant, [StampLabels.Kind] = "secret" };
            return (await _docker.Secrets.CreateAsync(new SwarmSecretSpec { Name = name, Labels = labels, Data = System.Text.Encoding.UTF8.GetBytes(value) }, ct)).ID;
        }
        catch (Exception e) when (EngineErrorMapping.IsConflict(e))
        {
            return (await _docker.Secrets.ListAsync(ct)).First(s => s.Spec?.Name == name).ID; // made meanwhile by a concurrent run
        }
    }

    /// <summary>The numeric user and group the image runs as (its USER); root when it names none or a name (the entrypoint then drops privileges itself).</summary>
    private async Task<(string Uid, string Gid)> ImageUserAsync(string image, CancellationToken ct)
    {
        var user = (await _docker.Images.InspectImageAsync(image, ct)).Config?.User ?? "";
        var parts = user.Split(':');
        return parts[0].Length > 0 && parts[0].All(char.IsAsciiDigit)
            ? (parts[0], parts.Length > 1 && parts[1].All(char.IsAsciiDigit) && parts[1].Length > 0 ? parts[1] : parts[0])
            : ("0", "0");
    }

    private async Task RemoveIfPresentAsync(ApplyRun run, string name, CancellationToken ct)
    {
        if (run.Read.Services.FirstOrDefault(s => s.Name == name) is { } existing)
        {
            await RemoveServiceAsync(existing, await SwarmNodes.ListAsync(_docker, ct), ct);
        }
    }

    /// <summary>
    /// The entry's address: the node its task runs on, at the tenant's port (published in host mode on that node only; this
    /// kernel has no routing mesh). Null when the tenant has no entry.
    /// </summary>
    private async Task<Uri?> EndpointAsync(Stamp stamp, CancellationToken ct)
    {
        var entry = stamp.Containers.FirstOrDefault(c => c.Spec.Port is not null);
        if (entry?.Spec.Port is not { } port)
        {
            return stamp.Endpoint;
        }

        var (_, task, node) = await LocateAsync(stamp.Tenant, entry.Component, running: true, ct);
        return task is null || node is null ? stamp.Endpoint : new Uri($"http://{node.Address}:{port.HostPort}");
    }

    /// <summary>What one apply works with: the stamp, the secret values, what existed when it started, and the data node.</summary>
    private sealed record ApplyRun(Stamp Stamp, TenantSecrets Secrets, TenantServices Read, SwarmNodePin? Pin);
}
