namespace Provisioner.Core.Hosts;

/// <summary>What <c>provision host drain NODE</c> did: each tenant whose data was on the node, and whether the node is drained.</summary>
public sealed record HostDrainResult(string Host, IReadOnlyList<TenantMove> Tenants, bool Drained, TimeSpan Elapsed)
{
    public int Moved => Tenants.Count(t => t.Outcome == TenantMove.Moved);

    public int Failed => Tenants.Count(t => t.Outcome == TenantMove.Failed);
}
