namespace Provisioner.Core.Backends;

/// <summary>
/// A backend that can run a command with one of a tenant's volumes mounted, whether or not the component that owns it is
/// running (a file archive is taken while its writers are stopped). The command runs as root in <c>image</c> (the owning
/// component's, so the tools it has are the tools used), with no network.
/// </summary>
public interface IVolumeAccess
{
    /// <summary>
    /// Runs <paramref name="command"/> with <paramref name="volume"/> mounted at <paramref name="mountPath"/>; standard input
    /// from <paramref name="stdin"/> when given, standard output to <paramref name="stdout"/> when given (else captured).
    /// </summary>
    Task<CommandResult> RunWithVolumeAsync(
        string tenant, string image, string volume, string mountPath, IReadOnlyList<string> command, Stream? stdin, Stream? stdout, CancellationToken ct);
}
