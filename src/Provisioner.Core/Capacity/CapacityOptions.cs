using Provisioner.Core.Errors;

namespace Provisioner.Core.Capacity;

/// <summary>How much of a host tenants may reserve. Every default is safe on one machine.</summary>
public sealed record CapacityOptions
{
    /// <summary>Fraction of each host kept free (for the OS, the engine and bursts). Default 0.10 (10%).</summary>
    public double Reserve { get; init; } = 0.10;

    /// <summary>How many times the CPUs may be promised (limits are caps, rarely all used at once). Default 1.0 (no overcommit).</summary>
    public double CpuOvercommit { get; init; } = 1.0;

    /// <summary>Which tenants count on an engine. Default <see cref="CapacityScope.Engine"/> (all of them).</summary>
    public CapacityScope Scope { get; init; } = CapacityScope.Engine;

    /// <summary>Seconds a provision waits for another one's capacity check on the same host. Default 60.</summary>
    public TimeSpan AdmissionWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fraction of a host's capacity tenants may reserve for <paramref name="kind"/>.</summary>
    public double Allocatable(ResourceKind kind) => (1 - Reserve) * (kind == ResourceKind.Cpu ? CpuOvercommit : 1);

    public CapacityOptions Validate()
    {
        var errors = new List<string>();
        if (double.IsNaN(Reserve) || Reserve is < 0 or >= 1)
        {
            errors.Add($"capacity.reserve must be from 0% to 99% (got {Reserve:P0})");
        }

        if (double.IsNaN(CpuOvercommit) || CpuOvercommit is < 0.1 or > 1000)
        {
            errors.Add($"capacity.cpuOvercommit must be from 0.1 to 1000 (got {CpuOvercommit})");
        }

        if (AdmissionWait < TimeSpan.Zero)
        {
            errors.Add("the admission wait must not be negative");
        }

        return errors.Count == 0 ? this : throw new BadInputException("invalid configuration: " + string.Join("; ", errors), "see the capacity part of the README's Configuration section");
    }
}
