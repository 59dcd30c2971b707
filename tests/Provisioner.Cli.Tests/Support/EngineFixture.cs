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

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..5];

    public IDockerClient Docker { get; } = DockerClientFactory.Create(new DockerClientOptions());

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
        var filter = DockerFilters.Label(StampLabels.TenantFilter(tenant));
        var containers = await Docker.Containers.ListAsync(all: true, filter);
        var networks = await Docker.Networks.ListAsync(filter);
        var volumes = await Docker.Volumes.ListAsync(filter);
        return (containers.Select(c => c.Name).Order().ToList(), networks.Select(n => n.Name).Order().ToList(), volumes.Select(v => v.Name).Order().ToList());
    }

    public Task InitializeAsync() => Docker.System.PingAsync();

    public async Task DisposeAsync()
    {
        foreach (var tenant in _tenants)
        {
            var filter = DockerFilters.Label(StampLabels.TenantFilter(tenant));
            foreach (var c in await Docker.Containers.ListAsync(all: true, filter))
            {
                await Docker.Containers.RemoveAsync(c.Id, force: true);
            }

            foreach (var n in await Docker.Networks.ListAsync(filter))
            {
                await Docker.Networks.RemoveAsync(n.Id);
            }

            foreach (var v in await Docker.Volumes.ListAsync(filter))
            {
                await Docker.Volumes.RemoveAsync(v.Name, force: true);
            }
        }

        foreach (var home in _homes.Where(Directory.Exists))
        {
            Directory.Delete(home, recursive: true);
        }

        Docker.Dispose();
    }
}
