using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>What the engine does when a container exits.</summary>
public sealed record RestartPolicy
{
    /// <summary><c>no</c>, <c>always</c>, <c>unless-stopped</c> or <c>on-failure</c>.</summary>
    [JsonPropertyName("Name")]
    public string Name { get; init => field = value ?? ""; } = "";

    /// <summary>Retries for <c>on-failure</c>; 0 = unlimited.</summary>
    [JsonPropertyName("MaximumRetryCount")]
    public int MaximumRetryCount { get; init; }

    /// <summary>Restart unless explicitly stopped.</summary>
    public static RestartPolicy UnlessStopped { get; } = new() { Name = "unless-stopped" };

    /// <summary>Never restart.</summary>
    public static RestartPolicy No { get; } = new() { Name = "no" };

    /// <summary>Restart on a non-zero exit, at most <paramref name="maximumRetryCount"/> times (0 = unlimited).</summary>
    public static RestartPolicy OnFailure(int maximumRetryCount) =>
        new() { Name = "on-failure", MaximumRetryCount = maximumRetryCount };
}
