using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>
/// One resource-usage sample from <c>GET /containers/{id}/stats?stream=false</c>, with the previous CPU sample
/// so a CPU percentage can be computed: (cpu delta / system delta) × online CPUs × 100.
/// </summary>
public sealed record ContainerStats
{
    /// <summary>When this sample was read.</summary>
    [JsonPropertyName("read")]
    public DateTimeOffset Read { get; init; }

    /// <summary>When the previous sample (<see cref="PreCpuStats"/>) was read.</summary>
    [JsonPropertyName("preread")]
    public DateTimeOffset PreRead { get; init; }

    /// <summary>Memory usage (never null).</summary>
    [JsonPropertyName("memory_stats")]
    public MemoryStats MemoryStats { get; init => field = value ?? new MemoryStats(); } = new();

    /// <summary>CPU counters at <see cref="Read"/> (never null).</summary>
    [JsonPropertyName("cpu_stats")]
    public CpuStats CpuStats { get; init => field = value ?? new CpuStats(); } = new();

    /// <summary>CPU counters at <see cref="PreRead"/> (never null).</summary>
    [JsonPropertyName("precpu_stats")]
    public CpuStats PreCpuStats { get; init => field = value ?? new CpuStats(); } = new();

    /// <summary>Process count (never null).</summary>
    [JsonPropertyName("pids_stats")]
    public PidsStats PidsStats { get; init => field = value ?? new PidsStats(); } = new();
}
