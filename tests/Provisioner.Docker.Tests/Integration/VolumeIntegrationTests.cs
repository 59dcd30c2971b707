using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class VolumeIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task CreateListInspectRemove_LabelledVolume_RoundTrips()
    {
        var volumes = _run.Client.Volumes;
        var name = _run.Name("vol");

        var created = await volumes.CreateAsync(new VolumeCreateParameters { Name = name, Labels = _run.Labels }, _run.Deadline());

        Assert.Equal(name, created.Name);
        Assert.Equal("local", created.Driver);
        var listed = Assert.Single(await volumes.ListAsync(_run.Filter, _run.Deadline()));
        Assert.Equal(name, listed.Name);
        Assert.Equal(_run.Id, listed.Labels[TestRun.LabelKey]);
        var inspect = await volumes.InspectAsync(name, _run.Deadline());
        Assert.StartsWith("/", inspect.Mountpoint, StringComparison.Ordinal);

        await volumes.RemoveAsync(name, force: false, _run.Deadline());

        await Assert.ThrowsAsync<DockerNotFoundException>(() => volumes.InspectAsync(name, _run.Deadline()));
        Assert.Empty(await volumes.ListAsync(_run.Filter, _run.Deadline()));
    }

    [Fact]
    public async Task CreateAsync_ExistingName_ReturnsExistingVolume()
    {
        var parameters = new VolumeCreateParameters { Name = _run.Name("twice"), Labels = _run.Labels };
        var first = await _run.Client.Volumes.CreateAsync(parameters, _run.Deadline());

        var second = await _run.Client.Volumes.CreateAsync(parameters, _run.Deadline());

        Assert.Equal(first.Mountpoint, second.Mountpoint);
    }

    [Fact]
    public async Task RemoveAsync_VolumeInUse_ThrowsConflict()
    {
        var name = _run.Name("busy");
        await _run.Client.Volumes.CreateAsync(new VolumeCreateParameters { Name = name, Labels = _run.Labels }, _run.Deadline());
        await _run.StartSleeperAsync("busyc", new HostConfig { Mounts = [Mount.Volume(name, "/data")] });

        await Assert.ThrowsAsync<DockerConflictException>(() => _run.Client.Volumes.RemoveAsync(name, force: false, _run.Deadline()));
    }

    [Fact]
    public async Task RemoveAsync_Missing_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<DockerNotFoundException>(() => _run.Client.Volumes.RemoveAsync(_run.Name("missing"), cancellationToken: _run.Deadline()));
    }
}
