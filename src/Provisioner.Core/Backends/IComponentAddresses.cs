using System.Net;

namespace Provisioner.Core.Backends;

/// <summary>A backend whose components' ports can be reached from this machine (TCP checks connect to them, as a node agent would).</summary>
public interface IComponentAddresses
{
    /// <summary>An address of the running component reachable from here, or null when it is not running.</summary>
    Task<IPAddress?> AddressOfAsync(string tenant, string component, CancellationToken ct);

    /// <summary>
    /// Whether those addresses are reachable from this machine now (false, e.g., behind an edge proxy, where tenant
    /// networks are internal: the host has no address on them). When false, a tcp check runs inside the component instead.
    /// </summary>
    bool ComponentsReachableFromHere => true;
}
