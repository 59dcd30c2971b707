using Provisioner.Core.Backends;
using Provisioner.Core.Drift;

namespace Provisioner.Composition;

/// <summary>The drift part of the composition root: <c>provision drift</c> and <c>provision reconcile</c> on each tenant's own backend.</summary>
internal sealed partial class Services
{
    public DriftDetector Drift() => new(Registry, Templates, Options, Backends.Create, () => _docker.Value.Backend as IEngineInventory, Time);

    public FleetReconciler Reconciler() => new(
        Registry, Locks, Backends.Create, Provisioner,
        () => _docker.Value.Backend is IEngineInventory inventory ? (inventory, _docker.Value.Backend) : null,
        Time, Logger<FleetReconciler>());
}
