using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>The calculated capacity of the fleet at <see cref="At"/>: every host, fleet totals and how many of each size fit.</summary>
public sealed record CapacityReport(
    DateTimeOffset At,
    string Source,
    string TemplateRef,
    IReadOnlyList<SizeSpec> Sizes,
    CapacityOptions Options,
    IReadOnlyList<HostCapacity> Hosts,
    IReadOnlyList<SizeFit> FleetFits,
    IReadOnlyList<string> Warnings)
{
    public int Tenants => Hosts.Sum(h => h.Tenants);

    /// <summary>Of <see cref="Tenants"/>, those suspended: they hold <see cref="SuspendedDisk"/> (their data) and no CPU or memory.</summary>
    public int SuspendedTenants { get; init; }

    /// <summary>The disk the suspended tenants keep reserved (inside <see cref="Reserved"/>).</summary>
    public long SuspendedDisk { get; init; }

    public Resources Total => Sum(h => h.Total);

    public Resources Allocatable => Sum(h => h.Allocatable);

    public Resources Reserved => Sum(h => h.Reserved);

    public Resources Free => Allocatable - Reserved;

    /// <summary>What every tenant may burst to together (the sum of their limits), beside <see cref="Reserved"/> (their requests).</summary>
    public Resources Limits => Sum(h => h.Limits);

    public Resources? Used => Hosts.All(h => h.Used is not null) && Hosts.Count > 0 ? Sum(h => h.Used!.Value) : null;

    private Resources Sum(Func<HostCapacity, Resources> pick) => Hosts.Aggregate(Resources.Zero, (acc, h) => acc + pick(h));
}
