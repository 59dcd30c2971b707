namespace Provisioner.Core.Edge;

/// <summary>
/// Labels on a tenant's edge network that say which edge serves it and where: the edge rebuilds its whole route table
/// from the networks carrying its name, so the engine's state is the route table (nothing else to keep in step).
/// </summary>
internal static class EdgeLabels
{
    /// <summary>The edge (by <see cref="EdgeOptions.Name"/>) that routes to this network's entry component.</summary>
    public const string Edge = "provisioner.edge";

    /// <summary>The host name the edge answers for this tenant: <c>acme.tenants.test</c>.</summary>
    public const string Host = "provisioner.edge.host";

    /// <summary>Where the edge forwards: the entry container and its port, <c>t-acme-app:8080</c>.</summary>
    public const string Upstream = "provisioner.edge.upstream";

    /// <summary>On the edge's own container, network and volume: which edge they belong to (never a tenant label).</summary>
    public const string Role = "provisioner.role";
}
