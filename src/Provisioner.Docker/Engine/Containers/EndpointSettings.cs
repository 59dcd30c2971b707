using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container's attachment to one network: aliases when connecting; addresses when inspecting.</summary>
public sealed record EndpointSettings
{
    /// <summary>DNS aliases of the container on this network.</summary>
    [JsonPropertyName("Aliases")]
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Network id (inspect only).</summary>
    [JsonPropertyName("NetworkID")]
    public string? NetworkId { get; init; }

    /// <summary>IPv4 address on this network (inspect only).</summary>
    [JsonPropertyName("IPAddress")]
    public string? IPAddress { get; init; }

    /// <summary>Gateway of this network (inspect only).</summary>
    [JsonPropertyName("Gateway")]
    public string? Gateway { get; init; }
}
