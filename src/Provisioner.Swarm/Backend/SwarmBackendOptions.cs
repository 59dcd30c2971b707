namespace Provisioner.Swarm.Backend;

/// <summary>Settings of the Swarm backend. Only <see cref="Manager"/> is needed; the cluster describes the rest itself (node labels).</summary>
public sealed record SwarmBackendOptions
{
    /// <summary>The Engine API of a manager node: <c>unix:///path/docker.sock</c> or <c>tcp://host:2375</c>. Required.</summary>
    public required string Manager { get; init; }

    /// <summary>
    /// The engine the template's images are built on (<c>make images</c>), copied to the manager and pushed to the in-cluster
    /// registry on first use. Default null: the manager itself must hold them (or the registry already does).
    /// </summary>
    public string? ImageSource { get; init; }

    /// <summary>
    /// The registry every node pulls from (<c>host:port</c>). Default null: the manager node's label <c>provisioner.registry</c>
    /// (set by <c>make cluster</c>). A user with their own registry sets it here and logs the manager in to it.
    /// </summary>
    public string? Registry { get; init; }

    /// <summary>The name recorded as the backend's host for messages (each tenant records its node). Default <c>swarm</c>.</summary>
    public string ClusterName { get; init; } = "swarm";

    /// <summary>
    /// The cluster's edge proxy: a container on the manager's engine, published on <see cref="Core.Edge.EdgeOptions.Address"/>
    /// there (all its interfaces: the cluster's one front door), joined to each tenant's edge overlay. Tenants made while it
    /// is set get no published port and internal networks. Default null: off, each entry publishes its own port on its node.
    /// </summary>
    public Core.Edge.EdgeOptions? Edge { get; init; }

    /// <summary>Longest a job (the schema migration) may run. Default 5 minutes.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest a service may take to have a running task after it is created or updated. Default 2 minutes.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Log lines of a failed job included in its error. Default 20.</summary>
    public int JobLogLines { get; init; } = 20;
}
