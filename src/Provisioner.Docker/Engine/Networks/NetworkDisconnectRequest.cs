using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Body of <c>POST /networks/{id}/disconnect</c>.</summary>
internal sealed record NetworkDisconnectRequest
{
    [JsonPropertyName("Container")]
    public required string Container { get; init; }

    [JsonPropertyName("Force")]
    public bool Force { get; init; }
}
