namespace Provisioner.Swarm.Cluster;

/// <summary>One node of the cluster as its manager reports it.</summary>
internal sealed record SwarmNode(
    string Id,
    string Hostname,
    string Role,
    string State,
    string Availability,
    string Address,
    double Cpus,
    long MemoryBytes,
    IReadOnlyDictionary<string, string> Labels)
{
    public bool IsReady => State == "ready";

    /// <summary>Ready and active: the scheduler may place new work on it.</summary>
    public bool Schedulable => IsReady && Availability == "active";
}
