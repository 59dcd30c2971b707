using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>A container's run state (<see cref="ContainerInspect.State"/>).</summary>
public sealed record ContainerState
{
    /// <summary><c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>removing</c>, <c>exited</c> or <c>dead</c>.</summary>
    [JsonPropertyName("Status")]
    public string Status { get; init => field = value ?? ""; } = "";

    /// <summary>True while running (also when paused).</summary>
    [JsonPropertyName("Running")]
    public bool Running { get; init; }

    /// <summary>True while paused.</summary>
    [JsonPropertyName("Paused")]
    public bool Paused { get; init; }

    /// <summary>True while the engine is restarting it.</summary>
    [JsonPropertyName("Restarting")]
    public bool Restarting { get; init; }

    /// <summary>True when the last exit was caused by the memory limit.</summary>
    [JsonPropertyName("OOMKilled")]
    public bool OomKilled { get; init; }

    /// <summary>Process id of the main process while running, else 0.</summary>
    [JsonPropertyName("Pid")]
    public int Pid { get; init; }

    /// <summary>Exit code of the last run.</summary>
    [JsonPropertyName("ExitCode")]
    public long ExitCode { get; init; }

    /// <summary>Why the engine could not start or run it, or empty.</summary>
    [JsonPropertyName("Error")]
    public string Error { get; init => field = value ?? ""; } = "";

    /// <summary>Last start (<see cref="DateTimeOffset.MinValue"/>-like <c>0001-01-01</c> when never started).</summary>
    [JsonPropertyName("StartedAt")]
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Last exit (<c>0001-01-01</c> when it never exited).</summary>
    [JsonPropertyName("FinishedAt")]
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Health-check state; null when the container has no health check.</summary>
    [JsonPropertyName("Health")]
    public ContainerHealth? Health { get; init; }
}
