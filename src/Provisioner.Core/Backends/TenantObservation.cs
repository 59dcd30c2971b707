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
    /// A component a quiet upgrade holds under its other names (<c>app-next</c>, <c>app-old</c>, between the two renames of
    /// its switch) is here. Empty when nothing of the tenant is here at all (that is "nothing runs", said elsewhere).
    /// </summary>
    public IReadOnlyList<string> MissingOf(Templates.ProductTemplate template) =>
        Components.Count == 0 ? [] : template.Components.Select(c => c.Name).Where(name => !Components.Any(o => Holds(o, name))).ToList();

    private static bool Holds(ComponentObservation observed, string component) =>
        observed.Component == component || observed.Component == component + Stamps.StampNames.QuietNext || observed.Component == component + Stamps.StampNames.QuietOld;
}
