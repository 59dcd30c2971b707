using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Networks to attach a container to at creation.</summary>
public sealed record NetworkingConfig
{
    /// <summary>Network name → endpoint settings (aliases). API 1.41 accepts at most one entry (400 otherwise).</summary>
    [JsonPropertyName("EndpointsConfig")]
    public IReadOnlyDictionary<string, EndpointSettings>? EndpointsConfig { get; init; }
}
