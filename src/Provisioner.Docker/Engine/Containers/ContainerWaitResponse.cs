using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Answer of <c>POST /containers/{id}/wait</c>.</summary>
internal sealed record ContainerWaitResponse
{
    [JsonPropertyName("StatusCode")]
    public long StatusCode { get; init; }

    [JsonPropertyName("Error")]
    public ContainerWaitError? Error { get; init; }
}
