using Docker.DotNet;

namespace Provisioner.Docker.Engine;

/// <summary>
/// <c>GET /system/df</c> as a raw call on the engine's transport (with the same retry and timeout as the client), read
/// by <see cref="SystemDfParser"/>. The engine walks every volume to size it, so this takes a moment.
/// </summary>
internal sealed class SystemDfReader(HttpClient raw) : IDisposable
{
    public async Task<IReadOnlyList<VolumeUsage>> ReadVolumesAsync(CancellationToken ct)
    {
        using var response = await raw.GetAsync("system/df", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new DockerApiException(response.StatusCode, body);
        }

        return SystemDfParser.Volumes(body);
    }

    public void Dispose() => raw.Dispose();
}
