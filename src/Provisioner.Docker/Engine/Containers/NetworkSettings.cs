using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container's published ports and network attachments (<see cref="ContainerInspect.NetworkSettings"/>).</summary>
public sealed record NetworkSettings
{
    /// <summary>
    /// Container port (<c>8080/tcp</c>) → host bindings actually in effect while running; a null list means
    /// exposed but not published. Never null itself.
    /// </summary>
    [JsonPropertyName("Ports")]
    public IReadOnlyDictionary<string, IReadOnlyList<PortBinding>?> Ports { get; init => field = value ?? ImmutableDictionary<string, IReadOnlyList<PortBinding>?>.Empty; } = ImmutableDictionary<string, IReadOnlyList<PortBinding>?>.Empty;

    /// <summary>Network name → attachment (address, network id, aliases). Never null.</summary>
    [JsonPropertyName("Networks")]
    public IReadOnlyDictionary<string, EndpointSettings> Networks { get; init => field = value ?? ImmutableDictionary<string, EndpointSettings>.Empty; } = ImmutableDictionary<string, EndpointSettings>.Empty;
}
