using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Hosts;
using Provisioner.Core.Provisioning;

namespace Provisioner.Composition;

/// <summary>The hosts part of the composition root: draining a cluster node with its tenants' data.</summary>
internal sealed partial class Services
{
    public HostDrainer HostDrainer() => new(
        Registry, Mover(SwarmParts.Kind), SwarmParts.Kind,
        (host, ct) => SwarmHosts().SetAvailabilityAsync(host, "pause", [], force: false, ct),
        (host, ct) => SwarmHosts().SetAvailabilityAsync(host, "drain", [], force: false, ct),
        Time, Logger<HostDrainer>());

    private TenantMover Mover(BackendKind kind)
    {
        var (data, pauses) = DataParts(kind);
        var backend = data.Backend;
        var health = HealthGateFor(kind);
        return new TenantMover(
            Templates, Registry, Locks, data, pauses, BackupCatalog(),
            new StampApplier(backend, Registry.Journal, health, Options.FailureLogLines, Logger<TenantMover>()), health, Protector, OptionsFor(kind),
            async (tenant, template, ct) =>
            {
                var hosts = (await backend.Require<IMultiHostBackend>("place a tenant on another host").HostsAsync(ct)).Where(h => h != tenant.Host).ToList();
                if (hosts.Count == 0)
                {
                    throw new ProvisionerException(
                        $"no other node can take {tenant.Name}: every other node is paused, drained or down", ExitCodes.CapacityNo,
                        "activate a node (`provision host activate NODE`) or add one");
                }

                var admission = await CapacityAdmission(kind).RelocateAsync(tenant.Name, backend.Host, template, tenant.Size, hosts, null, ct);
                admission.Hold?.Dispose();
                return admission.Host;
            },
            Time, Logger<TenantMover>());
    }
}
