using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Memory part of <see cref="ContainerStats"/>.</summary>
public sealed record MemoryStats
{
    /// <summary>Bytes in use (includes page cache on cgroup v1; see <c>stats["inactive_file"]</c> to subtract it).</summary>
    [JsonPropertyName("usage")]
    public long Usage { get; init; }

    /// <summary>The memory limit in bytes (the host's memory when unlimited).</summary>
    [JsonPropertyName("limit")]
    public long Limit { get; init; }
}
