using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A mount as the engine reports it (<see cref="ContainerInspect.Mounts"/>).</summary>
public sealed record MountPoint
{
    /// <summary><c>volume</c>, <c>bind</c> or <c>tmpfs</c>.</summary>
    [JsonPropertyName("Type")]
    public string Type { get; init => field = value ?? ""; } = "";

    /// <summary>Volume name (volumes only), else empty.</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>Host path backing the mount.</summary>
    [JsonPropertyName("Source")]
    public string Source { get; init => field = value ?? ""; } = "";

    /// <summary>Path inside the container.</summary>
    [JsonPropertyName("Destination")]
    public string Destination { get; init => field = value ?? ""; } = "";

    /// <summary>True when writable.</summary>
    [JsonPropertyName("RW")]
    public bool ReadWrite { get; init; }
}
