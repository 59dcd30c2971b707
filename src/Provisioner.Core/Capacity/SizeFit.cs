namespace Provisioner.Core.Capacity;

/// <summary>How many more tenants of <see cref="Size"/> fit, and the resource that runs out first (null when disk is unknown and nothing binds).</summary>
public sealed record SizeFit(string Size, int Count, ResourceKind? Binding);
