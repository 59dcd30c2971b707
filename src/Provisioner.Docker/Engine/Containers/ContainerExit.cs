using Docker.DotNet;
using Provisioner.Core.Errors;

namespace Provisioner.Docker.Engine;

/// <summary>Waits until a container is not running and returns its exit code (no client deadline: pass a token).</summary>
internal static class ContainerExit
{
    public static async Task<long> WaitAsync(IContainerOperations containers, string id, CancellationToken ct)
    {
        var result = await containers.WaitContainerAsync(id, ct);
        if (result.Error?.Message is { Length: > 0 } error)
        {
            throw new ProvisionerException($"Docker engine: waiting for container {id} failed: {error}");
        }

        return result.StatusCode;
    }
}
