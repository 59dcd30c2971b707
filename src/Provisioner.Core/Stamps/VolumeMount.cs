namespace Provisioner.Core.Stamps;

/// <summary>A named tenant volume mounted at <see cref="Target"/>.</summary>
public sealed record VolumeMount(string Volume, string Target);
