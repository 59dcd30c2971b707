namespace Provisioner.Core.Backends;

/// <summary>
/// A backend over several hosts that can remove a tenant's volumes from one host (<c>provision host drain</c> removes the
/// old copy once a tenant's data runs, checked, on another host).
/// </summary>
public interface IHostVolumes
{
    /// <summary>Removes <paramref name="volumes"/> of <paramref name="tenant"/> from <paramref name="host"/> (a missing one is no error).</summary>
    Task RemoveVolumesOnHostAsync(string tenant, string host, IReadOnlyList<string> volumes, CancellationToken ct);
}
