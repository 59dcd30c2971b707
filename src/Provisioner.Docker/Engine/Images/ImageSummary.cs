using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>An image as listed by <c>GET /images/json</c>.</summary>
public sealed record ImageSummary
{
    /// <summary>Image id (<c>sha256:...</c>).</summary>
    [JsonPropertyName("Id")]
    public string Id { get; init; } = "";

    /// <summary>Tags pointing at the image (never null; untagged images have none).</summary>
    [JsonPropertyName("RepoTags")]
    public IReadOnlyList<string> RepoTags { get; init => field = value ?? []; } = [];

    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("Size")]
    public long Size { get; init; }

    /// <summary>Creation time in Unix seconds (see <see cref="CreatedAt"/>).</summary>
    [JsonPropertyName("Created")]
    public long Created { get; init; }

    /// <summary><see cref="Created"/> as a timestamp.</summary>
    [JsonIgnore]
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeSeconds(Created);

    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;
}
