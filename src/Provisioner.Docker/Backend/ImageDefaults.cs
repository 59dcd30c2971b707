using Docker.DotNet;

namespace Provisioner.Docker.Backend;

/// <summary>What an image runs when a container does not say otherwise: its entrypoint, command and user.</summary>
internal sealed record ImageDefaults(IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Command, string? User)
{
    /// <summary>Nothing known (a container without secrets, or with its own user, needs nothing from its image).</summary>
    public static ImageDefaults None { get; } = new([], [], null);

    public static async Task<ImageDefaults> ReadAsync(IImageOperations images, string image, CancellationToken ct)
    {
        var config = (await images.InspectImageAsync(image, ct)).Config;
        return new ImageDefaults(
            [.. config?.Entrypoint ?? []], [.. config?.Cmd ?? []], string.IsNullOrEmpty(config?.User) ? null : config.User);
    }
}
