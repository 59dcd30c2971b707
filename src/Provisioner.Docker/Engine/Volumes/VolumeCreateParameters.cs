using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Body of <c>POST /volumes/create</c>.</summary>
public sealed record VolumeCreateParameters
{
    /// <summary>Volume name. Null lets the engine generate one.</summary>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Driver. Default: <c>local</c>.</summary>
    [JsonPropertyName("Driver")]
    public string Driver { get; init; } = "local";

    /// <summary>Driver options (for <c>local</c>: <c>type</c>, <c>device</c>, <c>o</c>). Default: none.</summary>
    [JsonPropertyName("DriverOpts")]
    public IReadOnlyDictionary<string, string>? DriverOpts { get; init; }

    /// <summary>Labels. Default: none.</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
