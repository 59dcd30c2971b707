namespace Provisioner.Core.Capacity;

/// <summary>
/// One host of a backend over several (a cluster node) for <c>provision host list</c>: its role, state and availability as the
/// cluster reports them, the tenants whose data it holds, and its free capacity (null when it takes no new work).
/// </summary>
public sealed record HostStatus(
    string Name,
    string Role,
    string State,
    string Availability,
    string Address,
    IReadOnlyList<string> Tenants,
    Resources Total,
    Resources? Free);
