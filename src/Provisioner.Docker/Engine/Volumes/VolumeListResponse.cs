using System.Text.Json.Serialization;

namespace Provisioner.Docker.Engine;

/// <summary>The <c>{"Volumes": [...], "Warnings": [...]}</c> wrapper of <c>GET /volumes</c>.</summary>
internal sealed record VolumeListResponse
{
    [JsonPropertyName("Volumes")]
    public IReadOnlyList<VolumeSummary> Volumes { get; init => field = value ?? []; } = [];
}
