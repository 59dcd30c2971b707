using Provisioner.Core.Edge;

namespace Provisioner.Composition;

/// <summary>
/// The Swarm cluster's edge, derived from the home's edge (on when it is on): its own container on the manager's engine
/// (<c>&lt;name&gt;-swarm</c>), published on all the manager's interfaces at the same port (the cluster's front door, on
/// another machine), serving <c>acme.swarm.&lt;domain&gt;</c> (so a request's name says which edge it goes to), with its own
/// local CA exported beside the other's (an operator's certificate for <c>*.&lt;domain&gt;</c> does not cover those names).
/// </summary>
internal static class SwarmEdge
{
    /// <summary>The label under the home's domain the cluster's tenants are named in.</summary>
    public const string Subdomain = "swarm";

    public static EdgeOptions? For(EdgeOptions? edge, string home) => edge is null
        ? null
        : edge with
        {
            Name = $"{edge.Name}-{Subdomain}",
            Domain = $"{Subdomain}.{edge.Domain}",
            Address = "0.0.0.0",
            Certificate = null,
            CaFile = Path.Combine(home, "edge", $"{edge.Name}-{Subdomain}-ca.crt"),
        };
}
