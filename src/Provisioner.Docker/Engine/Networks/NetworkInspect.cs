using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>One network from <c>GET /networks/{id}</c>, with the containers attached to it.</summary>
public sealed record NetworkInspect
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

    /// <summary>Scope, e.g. <c>local</c>.</summary>
    [JsonPropertyName("Scope")]
    public string Scope { get; init; } = "";

    /// <summary>True when the network has no route outside.</summary>
    [JsonPropertyName("Internal")]
    public bool Internal { get; init; }

    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Driver options (never null).</summary>
    [JsonPropertyName("Options")]
    public IReadOnlyDictionary<string, string> Options { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Attached containers by container id (never null).</summary>
    [JsonPropertyName("Containers")]
    public IReadOnlyDictionary<string, NetworkContainer> Containers { get; init => field = value ?? ImmutableDictionary<string, NetworkContainer>.Empty; } = ImmutableDictionary<string, NetworkContainer>.Empty;
}
