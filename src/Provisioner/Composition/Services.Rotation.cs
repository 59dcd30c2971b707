using Provisioner.Core.Backends;
using Provisioner.Core.Rotation;

namespace Provisioner.Composition;

/// <summary>The secret-rotation part of the composition root: only the docker backend can set a password and replace a file in place.</summary>
internal sealed partial class Services
{
    public SecretRotator Rotator(BackendKind kind)
    {
        var backend = Backends.Create(kind);
        var changer = kind == DockerParts.Kind ? new ExecPasswordChanger(backend.Require<IComponentStreams>("secret rotation")) : null;
        return new SecretRotator(Registry, Locks, Templates, backend, changer, Protector, HealthGateFor(kind), Time, Logger<SecretRotator>());
    }

    public FleetRotator FleetRotator() => new(Registry, Templates, Rotator, Time, Logger<FleetRotator>());
}
