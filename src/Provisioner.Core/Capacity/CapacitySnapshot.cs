namespace Provisioner.Core.Capacity;

/// <summary>One host's numbers at one capacity run, kept as history (and as the last known facts of the host).</summary>
public sealed record CapacitySnapshot(
    DateTimeOffset At,
    string Host,
    string Source,
    int Tenants,
    HostFacts Facts,
    Resources Reserved,
    Resources? Used);
