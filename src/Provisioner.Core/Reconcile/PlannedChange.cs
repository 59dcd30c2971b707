namespace Provisioner.Core.Reconcile;

/// <summary>One change reconciliation will make, with the reason a person can read.</summary>
public sealed record PlannedChange(ChangeKind Kind, ResourceType Resource, string Name, string Reason)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Resource} {Name} ({Reason})";
}
