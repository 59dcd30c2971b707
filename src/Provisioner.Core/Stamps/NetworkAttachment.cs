namespace Provisioner.Core.Stamps;

/// <summary>A container's membership of a tenant network, reachable there under <see cref="Aliases"/>.</summary>
public sealed record NetworkAttachment(string Network, IReadOnlyList<string> Aliases);
