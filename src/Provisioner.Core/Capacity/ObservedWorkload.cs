namespace Provisioner.Core.Capacity;

/// <summary>
/// One tenant container on a host as the engine reports it: the limits enforced on it (<see cref="CpuLimit"/> cores,
/// <see cref="MemoryLimit"/> bytes), its labels, and when sampled what it uses. 
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
}
