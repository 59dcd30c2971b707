using Provisioner.Core.Capacity;

namespace Provisioner.Composition;

/// <summary>The capacity part of the composition root: the live (engine) or registry inventory, the history, the admission check.</summary>
internal sealed partial class Services
{
    /// <summary>Live from where new tenants go: the Docker engine, or every node of the Swarm cluster.</summary>
    public ICapacityInventory LiveInventory() => LiveInventory(Backends.Default);

    public ICapacityInventory LiveInventory(Core.Backends.BackendKind kind) => new LiveInventory(
        kind == SwarmParts.Kind ? _swarm.Value.HostObserver() : _docker.Value.HostObserver(), Registry, new TenantSizes(Templates), Settings.Capacity);

    public ICapacityInventory RegistryInventory() =>
        new RegistryInventory(Stores.Counts, Stores.History, new TenantSizes(Templates));

    public CapacityService Capacity(bool fromRegistry) => new(
        fromRegistry ? RegistryInventory() : LiveInventory(),
        Stores.History, Templates, Settings.Capacity, Settings.DefaultTemplate, Time, Logger<CapacityService>());

    public CapacityAdmission CapacityAdmission(Core.Backends.BackendKind kind) => new(LiveInventory(kind), Locks, Settings.Capacity, Time, Logger<CapacityAdmission>());
}
