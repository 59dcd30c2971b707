namespace Provisioner.Swarm.Tests.Support;

/// <summary>The cluster tests run one after another: each fills nodes of a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Swarm cluster";
}
