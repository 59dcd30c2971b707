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
            var hint = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host
                ? $"start the engine at {host}, or fix or unset DOCKER_HOST"
                : "start it with `make engine` (or `dockerd &`), or point DOCKER_HOST (or engine: in provisioner.yaml) at a running engine";
            throw new BackendUnavailableException(e.Message.Split(". Start it")[0], hint, e);
        }
        catch (DockerApiException e) when (e.Message.Contains("port is already allocated", StringComparison.Ordinal))
        {
            throw new PortTakenException(
                "the tenant's entry port was taken by another process just before its app started",
                hint: "rerun the same command: a port that is taken is replaced by a free one", inner: e);
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
