using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

/// <summary>
/// One test's footprint on the real engine: a client, a unique <c>provisioner.test-run=&lt;guid&gt;</c> label and
/// name suffix, and cleanup of everything carrying that label (containers, then networks, then volumes) even
/// when the test failed half-way.
/// </summary>
internal sealed class TestRun : IAsyncDisposable
{
    public const string LabelKey = "provisioner.test-run";
    public const string BaseImage = "provisioner/base:bookworm";

    private readonly List<CancellationTokenSource> _deadlines = [];

    public TestRun()
    {
        Id = Guid.NewGuid().ToString("N");
        Client = DockerClientFactory.Create(new DockerClientOptions());
    }

    public string Id { get; }

    public IDockerClient Client { get; }

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [LabelKey] = Id };

    public DockerFilters Filter => DockerFilters.Label($"{LabelKey}={Id}");

    /// <summary>A unique resource name: <c>ptest-{purpose}-{first 12 of the run id}</c>.</summary>
    public string Name(string purpose) => $"ptest-{purpose}-{Id[..12]}";

    /// <summary>A token cancelled after <paramref name="seconds"/>; every wait in a test is bounded by one.</summary>
    public CancellationToken Deadline(int seconds = 60)
    {
        var source = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        _deadlines.Add(source);
        return source.Token;
    }

    /// <summary>A long-running container from the base image, labelled for cleanup.</summary>
    public async Task<string> StartSleeperAsync(string purpose, HostConfig? hostConfig = null, NetworkingConfig? networking = null)
    {
        await TestImages.EnsureBaseImageAsync(Client, Deadline(660));
        var id = await Client.Containers.CreateAsync(
            Name(purpose),
            new ContainerCreateParameters
            {
                Image = BaseImage,
                Cmd = ["sleep", "infinity"],
                Labels = Labels,
                HostConfig = (hostConfig ?? new HostConfig()) with { Init = true },
                NetworkingConfig = networking,
            },
            Deadline());
        await Client.Containers.StartAsync(id, Deadline());
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var token = cleanup.Token;
        try
        {
            foreach (var container in await Client.Containers.ListAsync(all: true, Filter, token))
            {
                await IgnoreMissing(() => Client.Containers.RemoveAsync(container.Id, force: true, removeVolumes: true, token));
            }

            foreach (var network in await Client.Networks.ListAsync(Filter, token))
            {
                await IgnoreMissing(() => Client.Networks.RemoveAsync(network.Id, token));
            }

            foreach (var volume in await Client.Volumes.ListAsync(Filter, token))
            {
                await IgnoreMissing(() => Client.Volumes.RemoveAsync(volume.Name, force: true, token));
            }
        }
        finally
        {
            Client.Dispose();
            _deadlines.ForEach(source => source.Dispose());
        }
    }

    private static async Task IgnoreMissing(Func<Task> remove)
    {
        try
        {
            await remove();
        }
        catch (DockerNotFoundException)
        {
            // Already gone (the test removed it).
        }
    }
}
