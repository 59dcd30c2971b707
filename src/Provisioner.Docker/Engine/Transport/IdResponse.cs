using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The <c>{"Id": "..."}</c> answer of create calls (containers, networks, exec).</summary>
internal sealed record IdResponse
{
    [JsonPropertyName("Id")]
    public string Id { get; init; } = "";
}
