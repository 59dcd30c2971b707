using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Body of <c>POST /exec/{id}/start</c>.</summary>
internal sealed record ExecStartRequest
{
    [JsonPropertyName("Detach")]
    public bool Detach { get; init; }

    [JsonPropertyName("Tty")]
    public bool Tty { get; init; }
}
