namespace Provisioner.Core.Backends;

/// <summary>
/// A backend over several hosts (a cluster's nodes). <c>provision</c> chooses each new tenant's host by capacity over all of
/// them, records it on the tenant (<see cref="Tenants.TenantRecord.Host"/>) and hands it to the backend as
/// <see cref="Stamps.Stamp.Host"/>; the backend keeps the tenant's data components on that host, while stateless ones may
/// run anywhere. <see cref="ITenantBackend.Host"/> then names the whole cluster.
/// </summary>
public interface IMultiHostBackend
{
    /// <summary>The hosts tenants can be placed on now (for messages); capacity reads the same from its observer.</summary>
    Task<IReadOnlyList<string>> HostsAsync(CancellationToken ct);
}
