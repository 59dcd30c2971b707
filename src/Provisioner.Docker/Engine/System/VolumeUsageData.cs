using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A volume's size in bytes and how many containers reference it.</summary>
public sealed record VolumeUsageData
{
    /// <summary>Bytes the volume holds; -1 when unknown.</summary>
    [JsonPropertyName("Size")]
    public long Size { get; init; } = -1;

    /// <summary>Containers referencing it; -1 when unknown.</summary>
    [JsonPropertyName("RefCount")]
    public long RefCount { get; init; } = -1;
}
