using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>Answer of <c>GET /exec/{id}/json</c> (the fields we read).</summary>
internal sealed record ExecInspect
{
    [JsonPropertyName("Running")]
    public bool Running { get; init; }

    [JsonPropertyName("ExitCode")]
    public long? ExitCode { get; init; }
}
