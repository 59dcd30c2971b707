using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

/// <summary>
/// The lock kept on the engine (a never-started container of a fixed name) that the edge is created under: callers that
/// share nothing but the engine take turns, a held lock is waited for, a dead holder's is taken over once stale, and
/// nothing of the lock is left.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EngineNameLockTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TestRun _run = new();

    public async Task InitializeAsync() => await _run.SetUpAsync(() => TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660)));

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task FourCallersAtOnce_EachCreatesTheNetworkUnderTheLock_OneNetworkAndNoLockLeft()
    {
        // What four first provisions from four homes do with the edge's network.
        var parameters = new NetworksCreateParameters { Name = _run.Name("race"), Driver = "bridge", Labels = _run.Labels };
        var lockName = _run.Name("race-lock");

        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using (await EngineNameLock.AcquireAsync(_run.Client.Containers, lockName, TestRun.BaseImage, _run.Labels, Wait, _run.Deadline()))
            {
                return await NetworkGuard.CreateIfAbsentAsync(_run.Client.Networks, parameters, _run.Deadline());
            }
        })));

        Assert.Single(ids.Distinct());
        var named = await _run.Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = EngineFilters.Name(parameters.Name) }, _run.Deadline());
        Assert.Equal([ids[0]], named.Where(n => n.Name == parameters.Name).Select(n => n.ID));
        Assert.Empty(await LockContainersAsync(lockName));
    }

    [Fact]
    public async Task HeldByAnotherProcess_IsWaitedFor_ThenTaken()
    {
        var lockName = _run.Name("held");
        var held = await CreateLockContainerAsync(lockName);

        var acquire = Task.Run(() => EngineNameLock.AcquireAsync(_run.Client.Containers, lockName, TestRun.BaseImage, _run.Labels, Wait, _run.Deadline()));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var whileHeld = acquire.IsCompleted;
        await _run.Client.Containers.RemoveContainerAsync(held, new ContainerRemoveParameters { Force = true }, _run.Deadline());
        await using (await acquire)
        {
            Assert.False(whileHeld);
            Assert.Single(await LockContainersAsync(lockName));
        }

        Assert.Empty(await LockContainersAsync(lockName));
    }

    [Fact]
    public async Task LeftByADeadHolder_IsTakenOverOnceStale()
    {
        var lockName = _run.Name("dead");
        var dead = await CreateLockContainerAsync(lockName);

        await using (await EngineNameLock.AcquireAsync(_run.Client.Containers, lockName, TestRun.BaseImage, _run.Labels, Wait, _run.Deadline(), stale: TimeSpan.FromSeconds(1)))
        {
            var now = Assert.Single(await LockContainersAsync(lockName));
            Assert.NotEqual(dead, now.ID);
        }

        Assert.Empty(await LockContainersAsync(lockName));
    }

    [Fact]
    public async Task HeldLongerThanTheWait_FailsNamingTheLock()
    {
        var lockName = _run.Name("busy");
        await CreateLockContainerAsync(lockName);

        var error = await Assert.ThrowsAsync<Core.Errors.ProvisionerException>(() =>
            EngineNameLock.AcquireAsync(_run.Client.Containers, lockName, TestRun.BaseImage, _run.Labels, TimeSpan.FromSeconds(1), _run.Deadline()));

        Assert.Contains(lockName, error.Message, StringComparison.Ordinal);
    }

    private async Task<string> CreateLockContainerAsync(string name) =>
        (await _run.Client.Containers.CreateContainerAsync(new CreateContainerParameters { Name = name, Image = TestRun.BaseImage, Labels = _run.Labels }, _run.Deadline())).ID;

    private async Task<IList<ContainerListResponse>> LockContainersAsync(string name) =>
        (await _run.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = EngineFilters.Name(name) }, _run.Deadline()))
            .Where(c => c.Names.Contains("/" + name)).ToList();
}
