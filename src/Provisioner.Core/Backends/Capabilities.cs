namespace Provisioner.Core.Backends;

/// <summary>Asks a backend for a capability interface, with one clear error when it lacks it.</summary>
internal static class Capabilities
{
    public static T Require<T>(this ITenantBackend backend, string what)
        where T : class =>
        backend as T ?? throw new CapabilityMissingException(backend.Kind, what);
}
