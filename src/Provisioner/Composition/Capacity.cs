using Provisioner.Core.Capacity;

namespace Provisioner.Composition;

/// <summary>The capacity part of the composition root: the live (engine) or registry inventory, the history, the admission check.</summary>
internal sealed partial class Services
{
    public ICapacityInventory LiveInventory() =>
        new LiveInventory(_docker.Value.HostObserver(), Registry, new TenantSizes(Templates), Settings.Capacity);

    public ICapacityInventory RegistryInventory() =>
        new RegistryInventory(Stores.Counts, Stores.History, new TenantSizes(Templates));

    public CapacityService Capacity(bool fromRegistry) => new(
        fromRegistry ? RegistryInventory() : LiveInventory(),
        Stores.History, Templates, Settings.Capacity, Settings.DefaultTemplate, Time, Logger<CapacityService>());

    public CapacityAdmission CapacityAdmission() => new(LiveInventory(), Locks, Settings.Capacity, Time, Logger<CapacityAdmission>());
}
