namespace Provisioner.Core.Stamps;

/// <summary>A long-running tenant container. <see cref="Hash"/> changes whenever <see cref="Spec"/> does, which is what triggers a replace.</summary>
public sealed record ContainerResource(
    string Name,
    string Component,
    ContainerSpec Spec,
    IReadOnlyList<string> DependsOn,
    IReadOnlyDictionary<string, string> Labels)
{
    public string Hash => Labels[StampLabels.StampHash];
}
