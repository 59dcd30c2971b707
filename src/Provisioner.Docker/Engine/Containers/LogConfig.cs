using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container's logging driver, e.g. <c>json-file</c> with <c>max-size=10m</c>.</summary>
public sealed record LogConfig
{
    /// <summary>Driver name, e.g. <c>json-file</c>, <c>local</c>, <c>none</c>.</summary>
    [JsonPropertyName("Type")]
    public required string Type { get; init; }

    /// <summary>Driver options.</summary>
    [JsonPropertyName("Config")]
    public IReadOnlyDictionary<string, string>? Config { get; init; }
}
