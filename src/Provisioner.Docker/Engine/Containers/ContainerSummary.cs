using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container as listed by <c>GET /containers/json</c>.</summary>
public sealed record ContainerSummary
{
    /// <summary>Container id.</summary>
    [JsonPropertyName("Id")]
    public string Id { get; init; } = "";

    /// <summary>Names, each with a leading slash (<c>/t-acme-db</c>); never null.</summary>
    [JsonPropertyName("Names")]
    public IReadOnlyList<string> Names { get; init => field = value ?? []; } = [];

    /// <summary>Image reference the container was created from.</summary>
    [JsonPropertyName("Image")]
    public string Image { get; init; } = "";

    /// <summary>Image id (<c>sha256:...</c>).</summary>
    [JsonPropertyName("ImageID")]
    public string ImageId { get; init; } = "";

    /// <summary>State: <c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>removing</c>, <c>exited</c> or <c>dead</c>.</summary>
    [JsonPropertyName("State")]
    public string State { get; init; } = "";

    /// <summary>Human-readable status, e.g. <c>Up 5 minutes (healthy)</c>.</summary>
    [JsonPropertyName("Status")]
    public string Status { get; init; } = "";

    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Creation time in Unix seconds (see <see cref="CreatedAt"/>).</summary>
    [JsonPropertyName("Created")]
    public long Created { get; init; }

    /// <summary><see cref="Created"/> as a timestamp.</summary>
    [JsonIgnore]
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(Created);

    /// <summary>The first name without its leading slash.</summary>
    [JsonIgnore]
    public string Name => Names.Count > 0 ? Names[0].TrimStart('/') : "";
}
