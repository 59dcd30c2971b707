using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Capacity;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Upgrades;
using Provisioner.Registry.Tests.Fakes;

namespace Provisioner.Registry.Tests.Support;

/// <summary>The real provisioning and upgrade code (Core's <see cref="TenantProvisioner"/> with its capacity admission, <see cref="RolloutUpgrader"/>) over a registry client and a fake backend.</summary>
internal static class Provisioning
{
    public static RolloutUpgrader Upgrader(RegistryStores client, Core.Backends.ITenantBackend backend) => new(
        new OneTemplate(), client.Registry, client.Locks, backend, client.Protector, new HealthGate([new PassingProbe()], TimeProvider.System, new HealthGateOptions()),
        new ProvisionerOptions(), TimeProvider.System, NullLogger<RolloutUpgrader>.Instance);

    public static TenantProvisioner For(RegistryStores client, Core.Backends.ITenantBackend backend, HostFacts host, CapacityOptions capacity)
    {
        var catalog = new OneTemplate();
        var admission = new CapacityAdmission(
            new LiveInventory(new FixedHost(host), client.Registry, new TenantSizes(catalog), capacity), client.Locks, capacity, TimeProvider.System,
            NullLogger<CapacityAdmission>.Instance);
        return new TenantProvisioner(
            catalog, client.Registry, client.Locks, backend, client.Protector, new HealthGate([new PassingProbe()], TimeProvider.System, new HealthGateOptions()), _ => true,
            new ProvisionerOptions(), TimeProvider.System, NullLogger<TenantProvisioner>.Instance, admission);
    }
}
