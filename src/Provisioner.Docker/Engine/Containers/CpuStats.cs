using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>CPU counters in <see cref="ContainerStats"/>.</summary>
public sealed record CpuStats
{
    /// <summary>The container's CPU time (never null).</summary>
    [JsonPropertyName("cpu_usage")]
    public CpuUsage CpuUsage { get; init => field = value ?? new CpuUsage(); } = new();

    /// <summary>The host's total CPU time in nanoseconds.</summary>
    [JsonPropertyName("system_cpu_usage")]
    public long SystemCpuUsage { get; init; }

    /// <summary>CPUs online on the host.</summary>
    [JsonPropertyName("online_cpus")]
    public int OnlineCpus { get; init; }
}
