using Provisioner.Core.Provisioning;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Edge;

/// <summary>
/// A tenant made behind the edge has no port of its own (none is reserved there). Stamped with the edge off, its entry
/// would be given a new port on networks that were made internal, where no port can be published: the tenant would fail
/// and be unreachable. Such a run is refused before anything changes. (A destroyed or suspended tenant has no networks
/// left: it is made again, with a port of its own. A backend without the edge (<see cref="ProvisionerOptions.EdgeSupported"/>
/// false) never had a tenant behind it: a port-less record of it is not refused.)
/// </summary>
public static class LeavingTheEdge
{
    /// <summary>Why <paramref name="tenant"/> cannot be stamped with <paramref name="options"/> (behind the edge, which is off); null when it can.</summary>
    public static string? WhyNot(TenantRecord? tenant, ProductTemplate template, ProvisionerOptions options) =>
        options.Edge is null && options.EdgeSupported && tenant is { HostPort: null } && tenant.Status is not (TenantStatus.Destroyed or TenantStatus.Suspended) && template.Entry is not null
            ? $"tenant {tenant.Name} is behind the edge proxy (it was made with the edge on and has no port of its own), and the edge is off for this run"
            : null;

    /// <summary>What to do instead.</summary>
    public static string Hint(string tenant) =>
        $"run it with the edge on (without PROVISIONER_EDGE=off or edge: {{ enabled: false }}); to give it a port of its own instead: `provision destroy {tenant} --yes` (data kept), then `provision tenant {tenant}` with the edge off";
}
