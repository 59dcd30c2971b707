using Provisioner.Core.Maintenance;

namespace Provisioner.Composition;

/// <summary>The maintenance part of the composition root: the fleet's freeze (windows need only the registry).</summary>
internal sealed partial class Services
{
    public FleetFreezer Freezer() => new(Stores.Freeze, Time);
}
