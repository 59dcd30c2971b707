namespace Provisioner.Core.Reconcile;

/// <summary>What a container backend found for one tenant, read with label-filtered queries.</summary>
public sealed record ObservedState(
    IReadOnlyList<ObservedResource> Networks,
    IReadOnlyList<ObservedResource> Volumes,
    IReadOnlyList<ObservedContainer> Containers)
{
    public static ObservedState Empty { get; } = new([], [], []);

    public bool IsEmpty => Networks.Count == 0 && Volumes.Count == 0 && Containers.Count == 0;
}
