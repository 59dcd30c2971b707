using Provisioner.Core.Errors;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Backend;

/// <summary>Turns engine errors into the tool's errors: an unreachable engine says how to start one.</summary>
internal static class EngineErrorMapping
{
    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (DockerEngineUnreachableException e)
        {
            throw new BackendUnavailableException(e.Message.Split(". Start it")[0], "start it with `make engine` (or `dockerd &`), or set DOCKER_HOST", e);
        }
        catch (DockerException e)
        {
            throw new ProvisionerException($"Docker engine: {e.Message}", inner: e);
        }
    }

    public static Task Guard(Func<Task> action) => Guard(async () =>
    {
        await action();
        return true;
    });
}
