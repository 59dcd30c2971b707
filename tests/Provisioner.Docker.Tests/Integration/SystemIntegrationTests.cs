using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SystemIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task PingAndVersion_NoPinnedVersion_EngineAnswersAtItsOwn()
    {
        await _run.Client.System.PingAsync(_run.Deadline(10));
        var version = await _run.Client.System.GetVersionAsync(_run.Deadline(10));

        Assert.True(System.Version.Parse(version.APIVersion) >= new System.Version(1, 41), version.APIVersion);
        Assert.Equal("linux", version.Os);
    }

    [Fact]
    public async Task GetSystemInfoAsync_RealEngine_ReportsHostFacts()
    {
        await TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660));
        var info = await _run.Client.System.GetSystemInfoAsync(_run.Deadline(10));

        Assert.True(info.Images >= 1, $"{TestRun.BaseImage} exists, so the engine counts at least one image (got {info.Images})");
        Assert.InRange(info.ContainersRunning, 0, info.Containers);
        Assert.True(info.NCPU > 0);
        Assert.True(info.MemTotal > 0);
        Assert.StartsWith("/", info.DockerRootDir, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadVolumesAsync_VolumeWithData_SizeFromOurOwnSystemDf()
    {
        var name = _run.Name("sized");
        await _run.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = _run.Labels }, _run.Deadline());
        var writer = await _run.ParametersAsync("writer", ["sh", "-c", "head -c 300000 /dev/urandom > /data/blob"],
            new HostConfig { Mounts = [new Mount { Type = "volume", Source = name, Target = "/data" }] });
        var id = (await _run.Client.Containers.CreateContainerAsync(writer, _run.Deadline())).ID;
        await _run.Client.Containers.StartContainerAsync(id, null, _run.Deadline());
        Assert.Equal(0, await ContainerExit.WaitAsync(_run.Client.Containers, id, _run.Deadline()));

        var volumes = await _run.Engine.DiskUsage.ReadVolumesAsync(_run.Deadline(120));

        var mine = Assert.Single(volumes, v => v.Name == name);
        Assert.True(mine.SizeBytes >= 300_000, $"{mine.SizeBytes} bytes");
        Assert.Equal(_run.Id, mine.Labels[TestRun.LabelKey]);
    }
}
