namespace Provisioner.Swarm.Tests.Support;

/// <summary>A test against the real Swarm cluster: skipped, with the reason, only when run outside `make test` without one.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (SwarmCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
