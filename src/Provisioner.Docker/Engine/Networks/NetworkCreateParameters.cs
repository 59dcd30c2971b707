using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Body of <c>POST /networks/create</c>.</summary>
public sealed record NetworkCreateParameters
{
    /// <summary>Network name (required).</summary>
    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    /// <summary>Driver. Default: <c>bridge</c>.</summary>
    [JsonPropertyName("Driver")]
    public string Driver { get; init; } = "bridge";

    /// <summary>No route outside the network (for databases). Default: false.</summary>
    [JsonPropertyName("Internal")]
    public bool Internal { get; init; }

    /// <summary>Refuse to create a second network with the same name (409). Default: true.</summary>
    [JsonPropertyName("CheckDuplicate")]
    public bool CheckDuplicate { get; init; } = true;

    /// <summary>Labels. Default: none.</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Driver options, e.g. <c>com.docker.network.bridge.enable_icc</c>. Default: none.</summary>
    [JsonPropertyName("Options")]
    public IReadOnlyDictionary<string, string>? Options { get; init; }
}
