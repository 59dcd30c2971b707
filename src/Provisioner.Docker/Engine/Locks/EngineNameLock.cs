using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Errors;

namespace Provisioner.Docker.Engine;

/// <summary>
/// A lock kept on the engine itself, for processes that share no registry and so no lock of ours (two homes, two
/// machines, one engine): a container of a fixed name, created and never started. The engine refuses a second container
/// of a name atomically (409), which plain network creates do not do. A holder that died leaves its container: one
/// older than <see cref="DefaultStale"/> is removed (by its id, so a newer holder's is never hit) and the lock taken.
/// </summary>
internal sealed class EngineNameLock : IAsyncDisposable
{
    /// <summary>How old a lock container must be before its holder is taken for dead (a holder keeps it for seconds).</summary>
    public static readonly TimeSpan DefaultStale = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly IContainerOperations _containers;
    private readonly string _id;

    private EngineNameLock(IContainerOperations containers, string id)
    {
        _containers = containers;
        _id = id;
    }

    /// <summary>
    /// Takes the lock named <paramref name="name"/>: waits while another process holds it, at most
    /// <paramref name="wait"/>; a lock older than <paramref name="stale"/> (default <see cref="DefaultStale"/>) is taken
    /// over. <paramref name="image"/> must be on the engine (the container is never started).
    /// </summary>
    public static async Task<EngineNameLock> AcquireAsync(
        IContainerOperations containers, string name, string image, IDictionary<string, string>? labels, TimeSpan wait, CancellationToken ct, TimeSpan? stale = null)
    {
        var staleAfter = stale ?? DefaultStale;
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Entrypoint = ["true"],
            Labels = labels is null ? [] : new Dictionary<string, string>(labels),
            HostConfig = new HostConfig { NetworkMode = "none" },
        };
        var giveUp = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            try
            {
                return new EngineNameLock(containers, (await containers.CreateContainerAsync(parameters, ct)).ID);
            }
            catch (Exception e) when (EngineErrorMapping.IsConflict(e))
            {
                // held by another process: wait for it, or take it over when its holder died
            }

            if (await HolderAsync(containers, name, ct) is { } holder && DateTime.UtcNow - holder.Created.ToUniversalTime() > staleAfter)
            {
                await RemoveAsync(containers, holder.ID, ct);
                continue;
            }

            if (DateTimeOffset.UtcNow > giveUp)
            {
                throw new ProvisionerException(
                    $"the engine lock {name} was held by another process for over {wait.TotalSeconds:0} s",
                    hint: $"rerun when the other provision has finished; a lock whose holder died is taken over after {staleAfter.TotalSeconds:0} s");
            }

            await Task.Delay(Poll, ct);
        }
    }

    /// <summary>Releases the lock (removes its container); a lock taken over meanwhile is not touched.</summary>
    public async ValueTask DisposeAsync() => await RemoveAsync(_containers, _id, CancellationToken.None);

    private static async Task<ContainerInspectResponse?> HolderAsync(IContainerOperations containers, string name, CancellationToken ct)
    {
        try
        {
            return await containers.InspectContainerAsync(name, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            return null;   // released meanwhile: the next create takes it
        }
    }

    private static async Task RemoveAsync(IContainerOperations containers, string id, CancellationToken ct)
    {
        try
        {
            await containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct);
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e) || EngineErrorMapping.IsConflict(e))
        {
            // gone already (another waiter took over a dead holder's), or its removal is under way
        }
    }
}
