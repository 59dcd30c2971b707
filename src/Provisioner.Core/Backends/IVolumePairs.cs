namespace Provisioner.Core.Backends;

/// <summary>
/// A backend whose tenants' volumes all live on one engine, so one helper container can mount volumes of two tenants at
/// once (a clone's copy from one tenant's volume into another's, at file-copy speed). A cluster, whose volumes live on
/// their nodes, does not offer it. The helper runs as <see cref="IVolumeAccess"/>'s does: root with only the file
/// capabilities, a read-only root, no network, in <c>image</c>, labelled with <c>tenant</c>.
/// </summary>
public interface IVolumePairs
{
    Task<CommandResult> RunWithVolumesAsync(string tenant, string image, IReadOnlyList<HelperMount> mounts, IReadOnlyList<string> command, CancellationToken ct);
}
