namespace Provisioner.Core.Capacity;

/// <summary>The resources a tenant reserves and a host offers.</summary>
public enum ResourceKind
{
    Cpu,
    Memory,
    Disk,
}
