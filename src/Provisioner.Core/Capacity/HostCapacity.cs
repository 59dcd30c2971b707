namespace Provisioner.Core.Capacity;

/// <summary>
/// One host's numbers: <see cref="Total"/> (physical), <see cref="Allocatable"/> (after the reserve, CPU times the overcommit),
/// <see cref="Reserved"/> by its tenants, <see cref="Used"/> (measured, if sampled), <see cref="Free"/> = allocatable - reserved
/// (negative when overbooked), how many more of each size fit, and <see cref="Limits"/>: what its tenants may burst to together
/// (shown beside the requests; not what capacity reserves).
/// </summary>
public sealed record HostCapacity(
    string Name,
    int Tenants,
    Resources Total,
    Resources Allocatable,
    Resources Reserved,
    Resources? Used,
    bool DiskKnown,
    IReadOnlyList<SizeFit> Fits)
{
    public Resources Free => Allocatable - Reserved;

    /// <summary>The sum of its tenants' limits (CPU and memory they may burst to).</summary>
    public Resources Limits { get; init; }
}
