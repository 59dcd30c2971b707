using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>One image from <c>GET /images/{name}/json</c>.</summary>
public sealed record ImageInspect
{
    /// <summary>Image id (<c>sha256:...</c>).</summary>
    [JsonPropertyName("Id")]
    public string Id { get; init; } = "";

    /// <summary>Tags pointing at the image (never null).</summary>
    [JsonPropertyName("RepoTags")]
    public IReadOnlyList<string> RepoTags { get; init => field = value ?? []; } = [];

    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("Size")]
    public long Size { get; init; }

    /// <summary>When the image was created.</summary>
    [JsonPropertyName("Created")]
    public DateTimeOffset Created { get; init; }

    /// <summary>The image's default container configuration (never null).</summary>
    [JsonPropertyName("Config")]
    public ImageConfig Config { get; init => field = value ?? new ImageConfig(); } = new();
}
