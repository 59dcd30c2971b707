using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container's CPU time (<see cref="CpuStats.CpuUsage"/>).</summary>
public sealed record CpuUsage
{
    /// <summary>Total CPU time consumed, in nanoseconds.</summary>
    [JsonPropertyName("total_usage")]
    public long TotalUsage { get; init; }
}
