namespace Provisioner.Core.Capacity;

/// <summary>
/// What a host offers tenants: its CPUs, its memory, and the disk tenants can use (free space of the engine's data root
/// plus what the counted tenants' volumes already hold; null when it cannot be measured, e.g. a remote engine).
/// </summary>
public sealed record HostFacts(string Name, double Cpus, long MemoryBytes, long? DiskBytes)
{
    public Resources Total => new(Cpus, MemoryBytes, DiskBytes ?? 0);

    public bool DiskKnown => DiskBytes is not null;
}
