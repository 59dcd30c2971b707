using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The engine host's facts from <c>GET /info</c> (the fields the provisioner uses).</summary>
public sealed record SystemInfo
{
    /// <summary>Engine's unique id.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = "";

    /// <summary>Host name of the engine's machine.</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init; } = "";

    /// <summary>CPUs the engine can use.</summary>
    [JsonPropertyName("NCPU")]
    public int NCpu { get; init; }

    /// <summary>Memory of the host in bytes.</summary>
    [JsonPropertyName("MemTotal")]
    public long MemTotal { get; init; }

    /// <summary>Where the engine keeps images, containers and volumes.</summary>
    [JsonPropertyName("DockerRootDir")]
    public string DockerRootDir { get; init; } = "";

    /// <summary>Engine version, e.g. <c>20.10.24+dfsg1</c>.</summary>
    [JsonPropertyName("ServerVersion")]
    public string ServerVersion { get; init; } = "";

    /// <summary>Host operating system, e.g. <c>Debian GNU/Linux 12 (bookworm)</c>.</summary>
    [JsonPropertyName("OperatingSystem")]
    public string OperatingSystem { get; init; } = "";

    /// <summary>Number of containers (any state).</summary>
    [JsonPropertyName("Containers")]
    public int Containers { get; init; }

    /// <summary>Number of running containers.</summary>
    [JsonPropertyName("ContainersRunning")]
    public int ContainersRunning { get; init; }

    /// <summary>Number of images.</summary>
    [JsonPropertyName("Images")]
    public int Images { get; init; }
}
