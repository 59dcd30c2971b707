using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container attached to a network, as seen in <see cref="NetworkInspect.Containers"/>.</summary>
public sealed record NetworkContainer
{
    /// <summary>Container name (without the leading slash).</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init; } = "";

    /// <summary>Address with prefix length, e.g. <c>172.20.0.2/16</c>.</summary>
    [JsonPropertyName("IPv4Address")]
    public string IPv4Address { get; init; } = "";

    /// <summary>Endpoint id.</summary>
    [JsonPropertyName("EndpointID")]
    public string EndpointId { get; init; } = "";
}
