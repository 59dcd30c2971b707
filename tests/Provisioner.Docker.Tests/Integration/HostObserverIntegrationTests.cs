using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Capacity;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class HostObserverIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task ObserveAsync_TenantContainer_ReportsEnforcedLimitsUsageAndHostFacts()
    {
        await TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660));
        var tenant = $"obs{_run.Id[..8]}";
        var labels = new Dictionary<string, string>(_run.Labels)
        {
            [StampLabels.Managed] = "true",
            [StampLabels.Tenant] = tenant,
            [StampLabels.Component] = "db",
            [StampLabels.Kind] = "container",
            [StampLabels.Template] = "notes@1.1.0",
            [StampLabels.Size] = "small",
        };
        var id = await _run.Client.Containers.CreateAsync(
            _run.Name("observed"),
            new ContainerCreateParameters
            {
                Image = TestRun.BaseImage,
                Cmd = ["sleep", "infinity"],
                Labels = labels,
                HostConfig = new HostConfig { Init = true, NanoCpus = 250_000_000, Memory = 128L << 20, MemorySwap = 128L << 20 },
            },
            _run.Deadline());
        await _run.Client.Containers.StartAsync(id, _run.Deadline());

        var observation = await new DockerHostObserver(_run.Client, "local", NullLogger<DockerHostObserver>.Instance).ObserveAsync(true, _run.Deadline(60));

        var mine = Assert.Single(observation.Workloads, w => w.Tenant == tenant);
        Assert.Equal(("db", "container", "notes@1.1.0", "small"), (mine.Component, mine.Kind, mine.TemplateRef, mine.Size));
        Assert.Equal(0.25, mine.CpuLimit, 6);
        Assert.Equal(128L << 20, mine.MemoryLimit);
        Assert.True(mine.MemoryUsed > 0);
        Assert.NotNull(mine.CpuUsed);
        Assert.True(observation.Facts.Cpus >= 1 && observation.Facts.MemoryBytes > 0);
        Assert.True(observation.Facts.DiskBytes > 0, "the engine is on this machine: the data root's free space is known");
        Assert.NotNull(observation.VolumeBytes);
    }
}
