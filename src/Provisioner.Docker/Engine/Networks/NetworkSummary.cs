using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A network as listed by <c>GET /networks</c>.</summary>
public sealed record NetworkSummary
{
    /// <summary>Network id.</summary>
    [JsonPropertyName("Id")]
    public string Id { get; init; } = "";

    /// <summary>Network name.</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init; } = "";

    /// <summary>Driver, e.g. <c>bridge</c>.</summary>
    [JsonPropertyName("Driver")]
    public string Driver { get; init; } = "";

    /// <summary>True when the network has no route outside (no egress).</summary>
    [JsonPropertyName("Internal")]
    public bool Internal { get; init; }

    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;
}
