namespace Provisioner.Core.Backends;

/// <summary>A tenant's live resources as its backend sees them.</summary>
public sealed record TenantObservation(
    string Tenant,
    IReadOnlyList<ComponentObservation> Components,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Volumes)
{
    public bool Exists => Components.Count > 0 || Networks.Count > 0 || Volumes.Count > 0;
}
