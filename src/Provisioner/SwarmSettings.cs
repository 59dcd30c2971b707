namespace Provisioner;

/// <summary>The Docker Swarm backend (<c>--backend swarm</c>): a cluster reached through one manager node.</summary>
public sealed record SwarmSettings
{
    /// <summary>
    /// The Engine API of a manager node (<c>unix:///path/docker.sock</c> or <c>tcp://host:2375</c>). Required for the swarm
    /// backend; <c>make cluster</c> writes the test cluster's to <c>.build/cluster/manager</c>. Default null (no cluster).
    /// </summary>
    public string? Manager { get; init; }

    /// <summary>
    /// The engine the template's images are built on; they are copied to the manager and pushed to the cluster's registry on
    /// first use. Default null: the <see cref="ProvisionerSettings.Engine"/>.
    /// </summary>
    public string? ImageSource { get; init; }

    /// <summary>
    /// The registry every node pulls from (<c>host:port</c>). Default null: the one the cluster names (the manager's node
    /// label <c>provisioner.registry</c>, set by <c>make cluster</c>). With a registry of your own, set it and log the manager in.
    /// </summary>
    public string? Registry { get; init; }

    /// <summary>
    /// TLS for a <c>tcp://</c> manager and for nodes whose <c>provisioner.engine</c> label is <c>tcp://</c>: a folder with
    /// <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> (<c>make cluster</c> writes the test cluster's to
    /// <c>.build/cluster/tls/client</c>). Default null: <see cref="ProvisionerSettings.EngineTls"/>'s rule.
    /// </summary>
    public string? Tls { get; init; }
}
