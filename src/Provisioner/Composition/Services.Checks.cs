using Provisioner.Core.Checks;

namespace Provisioner.Composition;

/// <summary>The fleet health part of the composition root: <c>provision check</c> on each tenant's own backend.</summary>
internal sealed partial class Services
{
    public FleetChecker Checker() =>
        new(Registry, Templates, Stores.Checks, kind => (Backends.Create(kind), HealthGateFor(kind)), Time, Logger<FleetChecker>());
}
