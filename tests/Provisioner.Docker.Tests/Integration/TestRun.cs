using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

/// <summary>
/// One test class's footprint on the real engine: an engine client, a unique <c>provisioner.test-run=&lt;guid&gt;</c> label
/// and name suffix, its own user-defined network (never the default bridge), and cleanup of everything carrying the
/// label (containers, then networks, then volumes), even when the test or its set-up failed half-way.
/// </summary>
internal sealed class TestRun : IAsyncDisposable
{
    public const string LabelKey = "provisioner.test-run";
    public const string BaseImage = "provisioner/base:bookworm";

    private readonly List<CancellationTokenSource> _deadlines = [];
    private readonly SemaphoreSlim _networkGate = new(1, 1);
    private bool _networkCreated;
    private bool _disposed;

    public TestRun()
    {
        Id = Guid.NewGuid().ToString("N");
        Engine = DockerEngineFactory.Create();
    }

    public string Id { get; }

    public DockerEngine Engine { get; }

    public IDockerClient Client => Engine.Client;

    public IDictionary<string, string> Labels => new Dictionary<string, string> { [LabelKey] = Id };

    public IDictionary<string, IDictionary<string, bool>> Filter => EngineFilters.Label($"{LabelKey}={Id}");

    /// <summary>This run's own bridge network, which every container of the run joins.</summary>
    public string Network => Name("net");

    /// <summary>A unique resource name: <c>ptest-{purpose}-{first 12 of the run id}</c>.</summary>
    public string Name(string purpose) => $"ptest-{purpose}-{Id[..12]}";

    /// <summary>A token cancelled after <paramref name="seconds"/>; every wait in a test is bounded by one.</summary>
    public CancellationToken Deadline(int seconds = 60)
    {
        var source = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        lock (_deadlines)
        {
            _deadlines.Add(source);
        }

        return source.Token;
    }

    /// <summary>
    /// Runs a test class's set-up; when it fails, removes what it created before rethrowing (xunit does not call
    /// DisposeAsync after a failed InitializeAsync).
    /// </summary>
    public async Task SetUpAsync(Func<Task> setUp)
    {
        try
        {
            await setUp();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates this run's network once (labelled, so cleanup removes it).</summary>
    public async Task<string> EnsureNetworkAsync()
    {
        await _networkGate.WaitAsync(Deadline());
        try
        {
            if (!_networkCreated)
            {
                await NetworkGuard.CreateIfAbsentAsync(Client.Networks, new NetworksCreateParameters { Name = Network, Driver = "bridge", Labels = Labels }, Deadline());
                _networkCreated = true;
            }

            return Network;
        }
        finally
        {
            _networkGate.Release();
        }
    }

    /// <summary>A create request for the base image on this run's network, labelled for cleanup.</summary>
    public async Task<CreateContainerParameters> ParametersAsync(string purpose, IList<string> cmd, HostConfig? hostConfig = null)
    {
        await TestImages.EnsureBaseImageAsync(Client, Deadline(660));
        var host = hostConfig ?? new HostConfig();
        host.NetworkMode = string.IsNullOrEmpty(host.NetworkMode) ? await EnsureNetworkAsync() : host.NetworkMode;
        host.Init ??= true;
        return new CreateContainerParameters { Name = Name(purpose), Image = BaseImage, Cmd = cmd, Labels = Labels, HostConfig = host };
    }

    /// <summary>A long-running container from the base image on this run's network.</summary>
    public async Task<string> StartSleeperAsync(string purpose, HostConfig? hostConfig = null)
    {
        var created = await Client.Containers.CreateContainerAsync(await ParametersAsync(purpose, ["sleep", "infinity"], hostConfig), Deadline());
        await Client.Containers.StartContainerAsync(created.ID, null, Deadline());
        return created.ID;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var token = cleanup.Token;
        try
        {
            foreach (var container in await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = Filter }, token))
            {
                await IgnoreMissing(() => Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, token));
            }

            foreach (var network in await Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = Filter }, token))
            {
                await IgnoreMissing(() => Client.Networks.DeleteNetworkAsync(network.ID, token));
            }

            foreach (var volume in (await Client.Volumes.ListAsync(new VolumesListParameters { Filters = Filter }, token)).Volumes ?? [])
            {
                await IgnoreMissing(() => Client.Volumes.RemoveAsync(volume.Name, force: true, token));
            }
        }
        finally
        {
            Engine.Dispose();
            _networkGate.Dispose();
            _deadlines.ForEach(source => source.Dispose());
        }
    }

    private static async Task IgnoreMissing(Func<Task> remove)
    {
        try
        {
            await remove();
        }
        catch (Exception e) when (EngineErrorMapping.IsNotFound(e))
        {
            // Already gone (the test removed it).
        }
    }
}
