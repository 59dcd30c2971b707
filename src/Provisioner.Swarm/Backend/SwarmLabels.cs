namespace Provisioner.Swarm.Backend;

/// <summary>Labels the cluster carries for provision: set on nodes by <c>make cluster</c> (or by the operator of a real cluster).</summary>
internal static class SwarmLabels
{
    /// <summary>On each node: its own Engine API, for exec and volume access on that node (as a node agent would have).</summary>
    public const string NodeEngine = "provisioner.engine";

    /// <summary>On a manager node: the in-cluster registry (<c>host:port</c>) every node pulls from.</summary>
    public const string Registry = "provisioner.registry";

    /// <summary>On a manager node: <c>false</c> when the set-up probe found that encrypted overlays pass no traffic.</summary>
    public const string EncryptedOverlays = "provisioner.overlay-encryption";

    /// <summary>On a tenant's services: the node its data is pinned to.</summary>
    public const string Node = "provisioner.node";
}
