namespace Provisioner.Core.Stamps;

/// <summary>A tenant data volume; kept by <c>destroy</c> unless data deletion is asked for.</summary>
public sealed record VolumeResource(string Name, string Component, IReadOnlyDictionary<string, string> Labels);
