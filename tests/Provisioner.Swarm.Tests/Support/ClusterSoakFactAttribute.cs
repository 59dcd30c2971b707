namespace Provisioner.Swarm.Tests.Support;

/// <summary>A test of <c>make soak</c> on the real cluster: skipped, saying why, without the cluster or in <c>make test</c>.</summary>
public sealed class ClusterSoakFactAttribute : FactAttribute
{
    public ClusterSoakFactAttribute()
    {
        if (!KillMatrixMode.Full)
        {
            Skip = "the full kill matrix runs in `make soak` (PROVISIONER_SOAK=1)";
        }
        else if (SwarmCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
