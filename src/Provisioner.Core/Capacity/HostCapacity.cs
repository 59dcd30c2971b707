namespace Provisioner.Core.Capacity;

/// <summary>
/// One host's numbers: <see cref="Total"/> (physical), <see cref="Allocatable"/> (after the reserve, CPU times the overcommit),
/// <see cref="Reserved"/> by its tenants, <see cref="Used"/> (measured, if sampled), <see cref="Free"/> = allocatable - reserved
/// (negative when overbooked), and how many more of each size fit.
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
}
