using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The configuration a container was created with (<see cref="ContainerInspect.Config"/>), image defaults merged in.</summary>
public sealed record ContainerConfig
{
    /// <summary>Image reference as given at creation.</summary>
    [JsonPropertyName("Image")]
    public string Image { get; init => field = value ?? ""; } = "";

    /// <summary>Labels (never null).</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init => field = value ?? ImmutableDictionary<string, string>.Empty; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Environment as <c>NAME=value</c> (never null).</summary>
    [JsonPropertyName("Env")]
    public IReadOnlyList<string> Env { get; init => field = value ?? []; } = [];

    /// <summary>Command (never null).</summary>
    [JsonPropertyName("Cmd")]
    public IReadOnlyList<string> Cmd { get; init => field = value ?? []; } = [];

    /// <summary>Entrypoint (never null).</summary>
    [JsonPropertyName("Entrypoint")]
    public IReadOnlyList<string> Entrypoint { get; init => field = value ?? []; } = [];

    /// <summary>User, or empty for the image's default.</summary>
    [JsonPropertyName("User")]
    public string User { get; init => field = value ?? ""; } = "";

    /// <summary>Working directory, or empty.</summary>
    [JsonPropertyName("WorkingDir")]
    public string WorkingDir { get; init => field = value ?? ""; } = "";

    /// <summary>Host name inside the container.</summary>
    [JsonPropertyName("Hostname")]
    public string Hostname { get; init => field = value ?? ""; } = "";

    /// <summary>Exposed ports, e.g. <c>8080/tcp</c> (never null).</summary>
    [JsonPropertyName("ExposedPorts")]
    [JsonConverter(typeof(PortSetJsonConverter))]
    public IReadOnlyList<string> ExposedPorts { get; init => field = value ?? []; } = [];

    /// <summary>Whether a TTY is allocated (then logs are not multiplexed).</summary>
    [JsonPropertyName("Tty")]
    public bool Tty { get; init; }

    /// <summary>Signal sent on stop, or empty for SIGTERM.</summary>
    [JsonPropertyName("StopSignal")]
    public string StopSignal { get; init => field = value ?? ""; } = "";
}
