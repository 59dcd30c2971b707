using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The volumes part of <c>GET /system/df</c> (the engine computes each volume's size).</summary>
public sealed record DiskUsage
{
    /// <summary>Volumes with their sizes (never null).</summary>
    [JsonPropertyName("Volumes")]
    public IReadOnlyList<VolumeDiskUsage> Volumes { get; init => field = value ?? []; } = [];
}
