namespace Provisioner.Core.Backends;

/// <summary>One volume mounted in a helper container (<see cref="IVolumePairs"/>).</summary>
public sealed record HelperMount(string Volume, string Path, bool ReadOnly = false);
