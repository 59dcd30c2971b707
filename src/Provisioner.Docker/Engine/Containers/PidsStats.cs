using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Process count in <see cref="ContainerStats"/>.</summary>
public sealed record PidsStats
{
    /// <summary>Processes currently in the container.</summary>
    [JsonPropertyName("current")]
    public long Current { get; init; }
}
