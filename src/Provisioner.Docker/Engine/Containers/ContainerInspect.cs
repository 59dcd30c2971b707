using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>One container from <c>GET /containers/{id}/json</c>.</summary>
public sealed record ContainerInspect
{
    /// <summary>Container id.</summary>
    [JsonPropertyName("Id")]
    public string Id { get; init; } = "";

    /// <summary>Name with a leading slash (<c>/t-acme-db</c>).</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init; } = "";

    /// <summary>When the container was created.</summary>
    [JsonPropertyName("Created")]
    public DateTimeOffset Created { get; init; }

    /// <summary>Image id (<c>sha256:...</c>); the reference is in <see cref="ContainerConfig.Image"/>.</summary>
    [JsonPropertyName("Image")]
    public string Image { get; init; } = "";

    /// <summary>How many times the engine restarted it.</summary>
    [JsonPropertyName("RestartCount")]
    public int RestartCount { get; init; }

    /// <summary>Run state (never null).</summary>
    [JsonPropertyName("State")]
    public ContainerState State { get; init => field = value ?? new ContainerState(); } = new();

    /// <summary>Configuration the container was created with (never null).</summary>
    [JsonPropertyName("Config")]
    public ContainerConfig Config { get; init => field = value ?? new ContainerConfig(); } = new();

    /// <summary>Host configuration: limits, ports, mounts (never null).</summary>
    [JsonPropertyName("HostConfig")]
    public HostConfig HostConfig { get; init => field = value ?? new HostConfig(); } = new();

    /// <summary>Published ports and network attachments (never null).</summary>
    [JsonPropertyName("NetworkSettings")]
    public NetworkSettings NetworkSettings { get; init => field = value ?? new NetworkSettings(); } = new();

    /// <summary>Mounted volumes, binds and tmpfs (never null).</summary>
    [JsonPropertyName("Mounts")]
    public IReadOnlyList<MountPoint> Mounts { get; init => field = value ?? []; } = [];
}
