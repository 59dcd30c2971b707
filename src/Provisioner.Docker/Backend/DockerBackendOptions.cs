namespace Provisioner.Docker.Backend;

/// <summary>Settings of the Docker backend.</summary>
public sealed record DockerBackendOptions
{
    /// <summary>The host name recorded for tenants placed on this engine. Default <c>local</c>.</summary>
    public string HostName { get; init; } = "local";

    /// <summary>
    /// The owner label (<c>provisioner.registry</c>) put on every resource created, naming the registry that made it, so that
    /// <c>provision drift</c> can tell its own tenants from other registries' on a shared engine. Default null: no owner label.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>Longest a job (the schema migration) may run. Default 5 minutes.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Seconds a container gets to stop cleanly before it is killed and removed. Default 10.</summary>
    public int StopTimeoutSeconds { get; init; } = 10;

    /// <summary>Log lines of a failed job included in its error. Default 20.</summary>
    public int JobLogLines { get; init; } = 20;

    /// <summary>
    /// CPUs a container this backend creates may use until the apply that created it ends (its first start: a database's
    /// initialisation, the migration job), when it is lowered to its size's limit. A size's limit of a quarter CPU makes
    /// a first start take four times as long as it needs; the limit is what a running tenant may take from its neighbours.
    /// Default 1; 0 (or a value at or below a size's limit) starts every container at its limit.
    /// </summary>
    public double StartupCpus { get; init; } = 1;

    /// <summary>The shared edge proxy tenants are reached through. Default null: off (each entry publishes its own port).</summary>
    public Core.Edge.EdgeOptions? Edge { get; init; }
}
