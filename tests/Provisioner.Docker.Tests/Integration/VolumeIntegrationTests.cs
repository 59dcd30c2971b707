using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class VolumeIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task CreateListRemove_LabelledVolume_RoundTrips()
    {
        var volumes = _run.Client.Volumes;
        var name = _run.Name("vol");

        var created = await volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = _run.Labels }, _run.Deadline());

        Assert.Equal((name, "local"), (created.Name, created.Driver));
        var listed = Assert.Single((await volumes.ListAsync(new VolumesListParameters { Filters = _run.Filter }, _run.Deadline())).Volumes);
        Assert.Equal(_run.Id, listed.Labels[TestRun.LabelKey]);

        await volumes.RemoveAsync(name, force: false, _run.Deadline());

        var gone = await Assert.ThrowsAnyAsync<DockerApiException>(() => volumes.InspectAsync(name, _run.Deadline()));
        Assert.True(EngineErrorMapping.IsNotFound(gone));
    }

    [Fact]
    public async Task CreateAsync_ExistingName_ReturnsExistingVolume()
    {
        var parameters = new VolumesCreateParameters { Name = _run.Name("twice"), Labels = _run.Labels };
        var first = await _run.Client.Volumes.CreateAsync(parameters, _run.Deadline());

        var second = await _run.Client.Volumes.CreateAsync(parameters, _run.Deadline());

        Assert.Equal(first.Mountpoint, second.Mountpoint);
    }

    [Fact]
    public async Task RemoveAsync_VolumeInUse_Conflict()
    {
        var name = _run.Name("busy");
        await _run.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = _run.Labels }, _run.Deadline());
        await _run.StartSleeperAsync("busyc", new HostConfig { Mounts = [new Mount { Type = "volume", Source = name, Target = "/data" }] });

        var error = await Assert.ThrowsAnyAsync<DockerApiException>(() => _run.Client.Volumes.RemoveAsync(name, force: false, _run.Deadline()));

        Assert.True(EngineErrorMapping.IsConflict(error));
    }

    [Fact]
    public async Task RemoveAsync_Missing_NotFound()
    {
        var error = await Assert.ThrowsAnyAsync<DockerApiException>(() => _run.Client.Volumes.RemoveAsync(_run.Name("missing"), cancellationToken: _run.Deadline()));

        Assert.True(EngineErrorMapping.IsNotFound(error));
    }
}
