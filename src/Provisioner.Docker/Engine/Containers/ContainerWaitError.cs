using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The <c>Error</c> of <see cref="ContainerWaitResponse"/>.</summary>
internal sealed record ContainerWaitError
{
    [JsonPropertyName("Message")]
    public string? Message { get; init; }
}
