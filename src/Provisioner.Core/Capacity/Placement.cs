namespace Provisioner.Core.Capacity;

/// <summary>Where the asked-for tenants would go: <see cref="Count"/> on <see cref="Host"/>, leaving <see cref="FreeAfter"/> of its allocatable.</summary>
public sealed record Placement(string Host, int Count, Resources FreeAfter, Resources Allocatable);
