namespace Provisioner.Core.Capacity;

/// <summary>Which tenants' reservations count on an engine.</summary>
public enum CapacityScope
{
    /// <summary>Every tenant on the engine (all containers labelled <c>provisioner.managed</c>). The default: the engine is the truth.</summary>
    Engine,

    /// <summary>Only the tenants this registry knows (for an engine shared by several registries, such as a test machine).</summary>
    Registry,
}
