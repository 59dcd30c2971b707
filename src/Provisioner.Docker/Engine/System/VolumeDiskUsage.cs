using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>One volume in <see cref="DiskUsage"/>.</summary>
public sealed record VolumeDiskUsage
{
    /// <summary>Volume name.</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init; } = "";

    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Size and references (never null; Size is -1 when the engine could not compute it).</summary>
    [JsonPropertyName("UsageData")]
    public VolumeUsageData UsageData { get; init => field = value ?? new VolumeUsageData(); } = new();
}
