namespace Provisioner.Core.Capacity;

/// <summary>
/// One tenant container on a host as the engine reports it: its labels, and when the observer looked closer (a sampled
/// capacity run) the limits enforced on it (<see cref="CpuLimit"/> cores, <see cref="MemoryLimit"/> bytes; 0 when not read),
/// what is reserved for it (<see cref="CpuRequest"/>, <see cref="MemoryRequest"/>) and what it uses.
/// </summary>
public sealed record ObservedWorkload(
    string Tenant,
    string Component,
    Backends.WorkloadKind Kind,
    string? TemplateRef,
    string? Size,
    double CpuLimit,
    long MemoryLimit,
    double? CpuUsed = null,
    long? MemoryUsed = null)
{
    /// <summary>The host it runs on, when the observer sees several; null: the observer's own host.</summary>
    public string? Host { get; init; }

    /// <summary>The cores reserved for it (a Docker container's CPU shares / 1024, a Swarm reservation); null when not read.</summary>
    public double? CpuRequest { get; init; }

    /// <summary>The memory reserved for it (memory reservation); null when not read.</summary>
    public long? MemoryRequest { get; init; }
}
