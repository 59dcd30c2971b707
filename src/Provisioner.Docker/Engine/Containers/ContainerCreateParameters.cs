using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>
/// Body of <c>POST /containers/create</c>. Null properties are left out, so the image's defaults apply.
/// </summary>
public sealed record ContainerCreateParameters
{
    /// <summary>Image reference (required); must exist locally, nothing is pulled.</summary>
    [JsonPropertyName("Image")]
    public required string Image { get; init; }

    /// <summary>Command (replaces the image's <c>CMD</c>).</summary>
    [JsonPropertyName("Cmd")]
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Entrypoint (replaces the image's <c>ENTRYPOINT</c>).</summary>
    [JsonPropertyName("Entrypoint")]
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Environment as <c>NAME=value</c>. Secrets do not belong here (they show in inspect).</summary>
    [JsonPropertyName("Env")]
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>User (<c>name</c>, <c>uid</c> or <c>uid:gid</c>).</summary>
    [JsonPropertyName("User")]
    public string? User { get; init; }

    /// <summary>Working directory.</summary>
    [JsonPropertyName("WorkingDir")]
    public string? WorkingDir { get; init; }

    /// <summary>Host name inside the container.</summary>
    [JsonPropertyName("Hostname")]
    public string? Hostname { get; init; }

    /// <summary>Labels, e.g. <c>provisioner.tenant=acme</c>.</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Ports the container listens on, e.g. <c>8080/tcp</c>.</summary>
    [JsonPropertyName("ExposedPorts")]
    [JsonConverter(typeof(PortSetJsonConverter))]
    public IReadOnlyList<string>? ExposedPorts { get; init; }

    /// <summary>Signal sent on stop, e.g. <c>SIGTERM</c>.</summary>
    [JsonPropertyName("StopSignal")]
    public string? StopSignal { get; init; }

    /// <summary>Seconds to wait after the stop signal before killing (engine default: 10).</summary>
    [JsonPropertyName("StopTimeout")]
    public int? StopTimeout { get; init; }

    /// <summary>Allocate a TTY (logs and exec output are then not multiplexed). Default: false.</summary>
    [JsonPropertyName("Tty")]
    public bool Tty { get; init; }

    /// <summary>Limits, mounts, ports, restart policy, security.</summary>
    [JsonPropertyName("HostConfig")]
    public HostConfig? HostConfig { get; init; }

    /// <summary>
    /// Networks to attach at creation. Engine 20.10 (API 1.41) rejects more than one entry with 400
    /// ("Container cannot be connected to network endpoints: a, b"); connect further networks with
    /// <see cref="INetworkOperations.ConnectAsync"/> before starting.
    /// </summary>
    [JsonPropertyName("NetworkingConfig")]
    public NetworkingConfig? NetworkingConfig { get; init; }
}
