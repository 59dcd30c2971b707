namespace Provisioner.Core.Backends;

/// <summary>A tenant's live resources as its backend sees them.</summary>
public sealed record TenantObservation(
    string Tenant,
    IReadOnlyList<ComponentObservation> Components,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Volumes)
{
    public bool Exists => Components.Count > 0 || Networks.Count > 0 || Volumes.Count > 0;

    /// <summary>
    /// The template's components that are not here while others are: removed from under the tenant (<c>docker rm -f</c>).
    /// Empty when nothing of the tenant is here at all (that is "nothing runs", said elsewhere).
    /// </summary>
    public IReadOnlyList<string> MissingOf(Templates.ProductTemplate template) =>
        Components.Count == 0 ? [] : template.Components.Where(c => Components.All(o => o.Component != c.Name)).Select(c => c.Name).ToList();
}
