using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The engine's version from <c>GET /version</c>.</summary>
public sealed record VersionInfo
{
    /// <summary>Engine version, e.g. <c>20.10.24+dfsg1</c>.</summary>
    [JsonPropertyName("Version")]
    public string Version { get; init; } = "";

    /// <summary>Highest API version the engine speaks, e.g. <c>1.41</c>.</summary>
    [JsonPropertyName("ApiVersion")]
    public string ApiVersion { get; init; } = "";

    /// <summary>Lowest API version the engine accepts.</summary>
    [JsonPropertyName("MinAPIVersion")]
    public string MinApiVersion { get; init; } = "";

    /// <summary>Commit the engine was built from.</summary>
    [JsonPropertyName("GitCommit")]
    public string GitCommit { get; init; } = "";

    /// <summary>Go version of the engine build.</summary>
    [JsonPropertyName("GoVersion")]
    public string GoVersion { get; init; } = "";

    /// <summary>Engine OS, e.g. <c>linux</c>.</summary>
    [JsonPropertyName("Os")]
    public string Os { get; init; } = "";

    /// <summary>Engine architecture, e.g. <c>amd64</c>.</summary>
    [JsonPropertyName("Arch")]
    public string Arch { get; init; } = "";

    /// <summary>Host kernel version.</summary>
    [JsonPropertyName("KernelVersion")]
    public string KernelVersion { get; init; } = "";
}
