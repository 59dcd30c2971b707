namespace Provisioner.Core.Stamps;

/// <summary>
/// A run-to-completion container (e.g. the schema migration) run after its dependencies are ready and before
/// <see cref="Before"/> starts. A finished job with the same hash is kept as the record that it ran.
/// </summary>
public sealed record JobResource(
    string Name,
    string Component,
    string Before,
    ContainerSpec Spec,
    IReadOnlyList<string> DependsOn,
    IReadOnlyDictionary<string, string> Labels)
{
    public string Hash => Labels[StampLabels.StampHash];
}
