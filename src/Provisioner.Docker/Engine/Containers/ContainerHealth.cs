using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The engine's own health-check state of a container (<see cref="ContainerState.Health"/>).</summary>
public sealed record ContainerHealth
{
    /// <summary><c>none</c>, <c>starting</c>, <c>healthy</c> or <c>unhealthy</c>.</summary>
    [JsonPropertyName("Status")]
    public string Status { get; init => field = value ?? ""; } = "";

    /// <summary>Consecutive failed checks.</summary>
    [JsonPropertyName("FailingStreak")]
    public int FailingStreak { get; init; }
}
