using Docker.DotNet;

namespace Provisioner.Docker.Engine;

/// <summary>Whether an image exists locally (there is no registry: nothing is pulled).</summary>
internal static class ImageLookup
{
    public static async Task<bool> ExistsAsync(IImageOperations images, string name, CancellationToken ct)
    {
        try
        {
            await images.InspectImageAsync(name, ct);
            return true;
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return false;
        }
    }
}
