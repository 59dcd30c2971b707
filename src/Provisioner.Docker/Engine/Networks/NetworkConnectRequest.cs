using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Body of <c>POST /networks/{id}/connect</c>.</summary>
internal sealed record NetworkConnectRequest
{
    [JsonPropertyName("Container")]
    public required string Container { get; init; }

    [JsonPropertyName("EndpointConfig")]
    public EndpointSettings? EndpointConfig { get; init; }
}
