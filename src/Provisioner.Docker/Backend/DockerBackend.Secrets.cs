using Microsoft.Extensions.Logging;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using ContainerSpec = Provisioner.Core.Stamps.ContainerSpec;

namespace Provisioner.Docker.Backend;

/// <summary>Starting a container with its secrets (on its tmpfs, after start), and delivering them again to one the engine restarted.</summary>
internal sealed partial class DockerBackend
{
    /// <summary>
    /// Secrets again for the running containers this apply did not touch that lost them (restarted by the engine itself);
    /// each one delivered is a change of the apply (reconcile reports the tenant converged, not unchanged).
    /// </summary>
    private async Task<IReadOnlyList<PlannedChange>> RedeliverSecretsAsync(Stamp stamp, TenantSecrets secrets, IReadOnlyList<PlannedChange> plan, CancellationToken ct)
    {
        // One process-list read per container, all at once (on a converged rerun this is most of what the engine is asked).
        var untouched = stamp.Containers.Where(c => c.Spec.SecretFiles.Count > 0 && plan.All(p => p.Name != c.Name)).ToList();
        var present = await Task.WhenAll(untouched.Select(c => SecretDelivery.IsDeliveredAsync(_docker, c.Name, ct)));
        var delivered = new List<PlannedChange>();
        foreach (var (container, isDelivered) in untouched.Zip(present))
        {
            if (isDelivered == false)
            {
                log.LogWarning("{Tenant}: {Container} restarted without its secrets (a tmpfs starts empty); delivering them again", stamp.Tenant, container.Name);
                await SecretDelivery.DeliverAsync(_docker.Exec, container.Name, container.Name, container.Spec.SecretFiles, secrets, ct);
                delivered.Add(new PlannedChange(ChangeKind.Deliver, ResourceType.Container, container.Name, "running without its secrets: restarted by the engine"));
            }
        }

        return delivered;
    }

    /// <summary>Starts a container and, if it has secrets, delivers them onto its tmpfs (it waits for them before its entrypoint runs).</summary>
    private async Task StartAsync(string id, string name, ContainerSpec spec, TenantSecrets secrets, CancellationToken ct)
    {
        await _docker.Containers.StartContainerAsync(id, null, ct);
        if (spec.SecretFiles.Count > 0)
        {
            await SecretDelivery.DeliverAsync(_docker.Exec, id, name, spec.SecretFiles, secrets, ct);
        }
    }
}
