namespace Provisioner.Core.Capacity;

/// <summary>An amount of CPU (cores), memory and disk (bytes). Immutable; adds and subtracts component-wise.</summary>
public readonly record struct Resources(double Cpu, long Memory, long Disk)
{
    public static Resources Zero => default;

    public static Resources operator +(Resources a, Resources b) => new(a.Cpu + b.Cpu, a.Memory + b.Memory, a.Disk + b.Disk);

    public static Resources operator -(Resources a, Resources b) => new(a.Cpu - b.Cpu, a.Memory - b.Memory, a.Disk - b.Disk);

    public Resources Times(int n) => new(Cpu * n, Memory * n, Disk * n);

    /// <summary>The larger of each resource (a tenant reserves whichever is more: its size or its enforced limits).</summary>
    public Resources Max(Resources other) => new(Math.Max(Cpu, other.Cpu), Math.Max(Memory, other.Memory), Math.Max(Disk, other.Disk));

    public double Get(ResourceKind kind) => kind switch
    {
        ResourceKind.Cpu => Cpu,
        ResourceKind.Memory => Memory,
        _ => Disk,
    };
}
