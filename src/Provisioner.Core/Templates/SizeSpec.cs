namespace Provisioner.Core.Templates;

/// <summary>
/// A plan sales can sell, for the whole tenant. <see cref="Cpu"/> (cores) and <see cref="MemoryBytes"/> are its requests:
/// what is reserved for it (capacity, admission, placement). <see cref="CpuLimit"/> and <see cref="MemoryLimitBytes"/> are
/// what it may burst to, enforced on its containers; a size that states no limits has limit = request. Disk is reserved whole.
/// </summary>
public sealed record SizeSpec(string Name, double Cpu, long MemoryBytes, long DiskBytes)
{
    private readonly double? _cpuLimit;
    private readonly long? _memoryLimitBytes;

    /// <summary>The cores the tenant may burst to (enforced); default <see cref="Cpu"/>.</summary>
    public double CpuLimit { get => _cpuLimit ?? Cpu; init => _cpuLimit = value; }

    /// <summary>The memory the tenant may use at most (enforced); default <see cref="MemoryBytes"/>.</summary>
    public long MemoryLimitBytes { get => _memoryLimitBytes ?? MemoryBytes; init => _memoryLimitBytes = value; }

    /// <summary>True when a limit is above its request (the size can burst).</summary>
    public bool Bursts => CpuLimit > Cpu || MemoryLimitBytes > MemoryBytes;
}
