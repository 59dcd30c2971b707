using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Engine;

namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// Shared by the integration tests: the real engine, a unique run id for tenant names, and a clean-up that removes
/// every container, network and volume labelled with a tenant this run created, so the suite can run twice in a row.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly List<string> _tenants = [];
    private readonly List<string> _homes = [];
    private int _disposed;

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..5];

    private readonly DockerEngine _engine = DockerEngineFactory.Create();

    public IDockerClient Docker => _engine.Client;

    /// <summary>A tenant name unique to this run, e.g. <c>it3fa2c-life</c>.</summary>
    public string Tenant(string role)
    {
        var name = $"it{RunId}-{role}";
        lock (_tenants)
        {
            _tenants.Add(name);
        }

        return name;
    }

    public ProvisionCli Cli(IReadOnlyDictionary<string, string>? environment = null)
    {
        var home = Directory.CreateTempSubdirectory($"provision-it{RunId}-").FullName;
        lock (_homes)
        {
            _homes.Add(home);
        }

        return new ProvisionCli(home, environment);
    }

    public async Task<(IReadOnlyList<string> Containers, IReadOnlyList<string> Networks, IReadOnlyList<string> Volumes)> ResourcesOf(string tenant)
    {
        var filter = EngineFilters.Label(StampLabels.TenantFilter(tenant));
        var containers = await ContainersOf(tenant);
        var networks = await Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
        var volumes = (await Docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter })).Volumes ?? [];
        return (containers.Select(c => c.Names[0].TrimStart('/')).Order().ToList(), networks.Select(n => n.Name).Order().ToList(), volumes.Select(v => v.Name).Order().ToList());
    }

    /// <summary>Every container (running or not) labelled with the tenant.</summary>
    public async Task<IList<ContainerListResponse>> ContainersOf(string tenant) =>
        await Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = EngineFilters.Label(StampLabels.TenantFilter(tenant)) });

    /// <summary>Fails when no engine answers; what the constructor made (the client) is released before the error surfaces.</summary>
    public async Task InitializeAsync()
    {
        try
        {
            await Docker.System.PingAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Removes every tenant's resources and every state folder; one removal failing does not stop the others, and the
    /// failures are reported together at the end. Safe to call twice (a failed set-up already called it).
    /// </summary>
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var failures = new List<Exception>();
        foreach (var tenant in _tenants)
        {
            var filter = EngineFilters.Label(StampLabels.TenantFilter(tenant));
            await TryAsync(failures, async () =>
            {
                foreach (var c in await ContainersOf(tenant))
                {
                    await TryAsync(failures, () => Docker.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true }));
                }
            });
            await TryAsync(failures, async () =>
            {
                foreach (var n in await Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }))
                {
                    await TryAsync(failures, () => Docker.Networks.DeleteNetworkAsync(n.ID));
                }
            });
            await TryAsync(failures, async () =>
            {
                foreach (var v in (await Docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter })).Volumes ?? [])
                {
                    await TryAsync(failures, () => Docker.Volumes.RemoveAsync(v.Name, force: true));
                }
            });
        }

        foreach (var home in _homes.Where(Directory.Exists))
        {
            await TryAsync(failures, () =>
            {
                Directory.Delete(home, recursive: true);
                return Task.CompletedTask;
            });
        }

        _engine.Dispose();
        if (failures.Count > 0)
        {
            throw new AggregateException($"the engine fixture could not remove everything it created (run {RunId})", failures);
        }
    }

    private static async Task TryAsync(List<Exception> failures, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // removed meanwhile (a test's own destroy, or the engine's auto-removal): nothing left to do
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
    }
}
