using Provisioner.Core.Backends;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Stamps;
using Provisioner.Docker.Capacity;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class HostObserverIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => _run.SetUpAsync(() => TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660)));

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task ObserveAsync_TenantContainerWithVolume_ReportsEnforcedLimitsUsageVolumeBytesAndHostFacts()
    {
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
        // Busy: a quarter of a CPU is enforced, so the sampled usage must be near 0.25 cores (never more than a little above).
        var volume = _run.Name("obsdata");
        await _run.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume, Labels = labels }, _run.Deadline());
        var parameters = await _run.ParametersAsync("observed", ["sh", "-c", "head -c 3145728 /dev/urandom > /data/blob; while :; do :; done"], new HostConfig
        {
            NanoCPUs = 250_000_000,
            Memory = 128L << 20,
            MemorySwap = 128L << 20,
            Mounts = [new Mount { Type = "volume", Source = volume, Target = "/data" }],
        });
        parameters.Labels = labels;
        var id = (await _run.Client.Containers.CreateContainerAsync(parameters, _run.Deadline())).ID;
        await _run.Client.Containers.StartContainerAsync(id, null, _run.Deadline());

        var observation = await new DockerHostObserver(_run.Engine, "local", NullLogger<DockerHostObserver>.Instance).ObserveAsync(true, _run.Deadline(120));

        var mine = Assert.Single(observation.Workloads, w => w.Tenant == tenant);
        Assert.Equal(("db", WorkloadKind.Service, "notes@1.1.0", "small"), (mine.Component, mine.Kind, mine.TemplateRef, mine.Size));
        Assert.Equal(0.25, mine.CpuLimit, 6);
        Assert.Equal(128L << 20, mine.MemoryLimit);
        Assert.Equal((0.25, 128L << 20), (mine.CpuRequest!.Value, mine.MemoryRequest!.Value)); // none set: request = limit
        Assert.True(mine.MemoryUsed > 0);
        Assert.True(mine.CpuUsed is > 0.02 and < 0.35, $"a busy container limited to 0.25 CPUs used {mine.CpuUsed} cores");
        Assert.True(observation.Facts.Cpus >= 1 && observation.Facts.MemoryBytes > 0);
        Assert.True(observation.Facts.DiskBytes > 0, "the engine is on this machine: the data root's free space is known");
        Assert.True(observation.VolumeBytes!.GetValueOrDefault(tenant) >= 3L << 20, "the tenant's volume holds the 3 MiB written to it");

        // Unsampled (what admission asks): one list, no per-container call, so nothing but the labels is read.
        var quick = await new DockerHostObserver(_run.Engine, "local", NullLogger<DockerHostObserver>.Instance).ObserveAsync(false, _run.Deadline(120));
        var listed = Assert.Single(quick.Workloads, w => w.Tenant == tenant);
        Assert.Equal(("notes@1.1.0", "small", null, null, 0.0), (listed.TemplateRef, listed.Size, listed.CpuRequest, listed.MemoryRequest, listed.CpuLimit));
    }
}
