using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The defaults an image gives its containers (<see cref="ImageInspect.Config"/>).</summary>
public sealed record ImageConfig
{
    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Environment as <c>NAME=value</c> (never null).</summary>
    [JsonPropertyName("Env")]
    public IReadOnlyList<string> Env { get; init => field = value ?? []; } = [];

    /// <summary>Default command (never null).</summary>
    [JsonPropertyName("Cmd")]
    public IReadOnlyList<string> Cmd { get; init => field = value ?? []; } = [];

    /// <summary>Entrypoint (never null).</summary>
    [JsonPropertyName("Entrypoint")]
    public IReadOnlyList<string> Entrypoint { get; init => field = value ?? []; } = [];

    /// <summary>Default user, or empty for root.</summary>
    [JsonPropertyName("User")]
    public string User { get; init => field = value ?? ""; } = "";

    /// <summary>Default working directory, or empty.</summary>
    [JsonPropertyName("WorkingDir")]
    public string WorkingDir { get; init => field = value ?? ""; } = "";
}
