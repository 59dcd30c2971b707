using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

/// <summary>The fixture itself: a set-up that fails half-way leaves nothing behind.</summary>
[Trait("Category", "Integration")]
public sealed class TestRunIntegrationTests
{
    [Fact]
    public async Task SetUpAsync_FailsAfterCreatingContainerAndNetwork_BothRemoved()
    {
        var run = new TestRun();
        var label = EngineFilters.Label($"{TestRun.LabelKey}={run.Id}");

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.SetUpAsync(async () =>
        {
            await run.StartSleeperAsync("exec");
            throw new InvalidOperationException("set-up failed after the container started");
        }));

        using var engine = DockerEngineFactory.Create();
        Assert.Empty(await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = label }));
        Assert.Empty(await engine.Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = label }));
        await run.DisposeAsync(); // a second disposal (xunit's, when it does call it) is harmless
    }

    [Fact]
    public async Task SetUpAsync_FailsAfterCreatingAVolume_RemovesItAndRethrows()
    {
        var run = new TestRun();
        var name = run.Name("half-set-up");

        var error = await Record.ExceptionAsync(() => run.SetUpAsync(async () =>
        {
            await run.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = run.Labels }, run.Deadline());
            throw new InvalidOperationException("set-up failed half-way");
        }));

        Assert.Equal("set-up failed half-way", Assert.IsType<InvalidOperationException>(error).Message);
        using var engine = DockerEngineFactory.Create();
        Assert.Empty((await engine.Client.Volumes.ListAsync(new VolumesListParameters { Filters = EngineFilters.Label($"{TestRun.LabelKey}={run.Id}") })).Volumes ?? []);
    }
}
