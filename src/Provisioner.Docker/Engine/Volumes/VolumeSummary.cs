using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A volume as listed, inspected or created.</summary>
public sealed record VolumeSummary
{
    /// <summary>Volume name.</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init; } = "";

    /// <summary>Driver, e.g. <c>local</c>.</summary>
    [JsonPropertyName("Driver")]
    public string Driver { get; init; } = "";

    /// <summary>Where the data lives on the engine's host.</summary>
    [JsonPropertyName("Mountpoint")]
    public string Mountpoint { get; init; } = "";

    /// <summary>Scope, e.g. <c>local</c>.</summary>
    [JsonPropertyName("Scope")]
    public string Scope { get; init; } = "";

    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;
}
