using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Body of <c>POST /containers/{id}/exec</c>.</summary>
internal sealed record ExecCreateRequest
{
    [JsonPropertyName("AttachStdin")]
    public bool AttachStdin { get; init; }

    [JsonPropertyName("AttachStdout")]
    public bool AttachStdout { get; init; } = true;

    [JsonPropertyName("AttachStderr")]
    public bool AttachStderr { get; init; } = true;

    [JsonPropertyName("Tty")]
    public bool Tty { get; init; }

    [JsonPropertyName("Cmd")]
    public required IReadOnlyList<string> Cmd { get; init; }

    [JsonPropertyName("Env")]
    public IReadOnlyList<string>? Env { get; init; }

    [JsonPropertyName("User")]
    public string? User { get; init; }

    [JsonPropertyName("WorkingDir")]
    public string? WorkingDir { get; init; }
}
