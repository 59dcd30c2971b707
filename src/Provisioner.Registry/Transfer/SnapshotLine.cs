using Provisioner.Core.Capacity;

namespace Provisioner.Registry.Transfer;

/// <summary>A capacity snapshot in an export.</summary>
internal sealed record SnapshotLine(
    string Type, DateTimeOffset At, string Host, string Source, int Tenants, double Cpus, long MemoryBytes, long? DiskBytes,
    Resources Reserved, Resources? Used)
{
    public const string Marker = "snapshot";

    public static SnapshotLine From(CapacitySnapshot s) =>
        new(Marker, s.At, s.Host, s.Source, s.Tenants, s.Facts.Cpus, s.Facts.MemoryBytes, s.Facts.DiskBytes, s.Reserved, s.Used);

    public CapacitySnapshot ToSnapshot() =>
        new(At, Host, Source, Tenants, new HostFacts(Host, Cpus, MemoryBytes, DiskBytes), Reserved, Used);
}
