using System.Formats.Tar;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ContainerIntegrationTests : IAsyncLifetime
{
    private const long SixtyFourMiB = 64L * 1024 * 1024;

    private readonly TestRun _run = new();

    public Task InitializeAsync() => _run.SetUpAsync(() => TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660)));

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task Lifecycle_CreateStartInspectStopRemove_ReflectsEachStep()
    {
        var containers = _run.Client.Containers;
        var parameters = await _run.ParametersAsync("life", ["sleep", "infinity"], new HostConfig { Memory = SixtyFourMiB, MemorySwap = SixtyFourMiB });
        parameters.Env = ["GREETING=hello"];
        parameters.StopTimeout = TimeSpan.FromSeconds(2);
        var id = (await containers.CreateContainerAsync(parameters, _run.Deadline())).ID;

        Assert.Equal("created", (await containers.InspectContainerAsync(id, _run.Deadline())).State!.Status);

        Assert.True(await containers.StartContainerAsync(id, null, _run.Deadline()));
        Assert.False(await containers.StartContainerAsync(id, null, _run.Deadline()));

        var running = await containers.InspectContainerAsync(_run.Name("life"), _run.Deadline());
        Assert.True(running.State!.Running);
        Assert.Equal($"/{_run.Name("life")}", running.Name);
        Assert.Contains("GREETING=hello", running.Config!.Env);
        Assert.Equal(TimeSpan.FromSeconds(2), running.Config.StopTimeout);
        Assert.Equal(_run.Network, Assert.Single(running.NetworkSettings!.Networks).Key);
        var listed = Assert.Single(await containers.ListContainersAsync(new ContainersListParameters { Filters = _run.Filter }, _run.Deadline()));
        Assert.Equal((id, "running"), (listed.ID, listed.State));

        Assert.True(await containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 5 }, _run.Deadline()));
        Assert.False(await containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 5 }, _run.Deadline()));

        Assert.Equal("exited", (await containers.InspectContainerAsync(id, _run.Deadline())).State!.Status);
        await containers.RemoveContainerAsync(id, new ContainerRemoveParameters(), _run.Deadline());
        var gone = await Assert.ThrowsAnyAsync<DockerApiException>(() => containers.InspectContainerAsync(id, _run.Deadline()));
        Assert.True(EngineErrorMapping.IsNotFound(gone));
    }

    [Fact]
    public async Task CreateContainerAsync_NameTaken_ConflictIsAPlainApiException409()
    {
        await _run.StartSleeperAsync("taken");

        var error = await Assert.ThrowsAsync<DockerApiException>(async () =>
            await _run.Client.Containers.CreateContainerAsync(await _run.ParametersAsync("taken", ["true"]), _run.Deadline()));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.True(EngineErrorMapping.IsConflict(error));
    }

    [Fact]
    public async Task CreateContainerAsync_ImageMissing_NotFound()
    {
        var parameters = await _run.ParametersAsync("noimage", ["true"]);
        parameters.Image = $"provisioner/missing:{_run.Id[..8]}";

        var error = await Assert.ThrowsAnyAsync<DockerApiException>(() => _run.Client.Containers.CreateContainerAsync(parameters, _run.Deadline()));

        Assert.True(EngineErrorMapping.IsNotFound(error));
    }

    [Fact]
    public async Task RemoveContainerAsync_RunningWithoutForce_Conflict()
    {
        var id = await _run.StartSleeperAsync("running");

        var error = await Assert.ThrowsAnyAsync<DockerApiException>(() =>
            _run.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters(), _run.Deadline()));

        Assert.True(EngineErrorMapping.IsConflict(error));
    }

    [Fact]
    public async Task WaitAndLogs_CommandWritesBothStreamsAndExits_ExitCodeAndInterleavedTail()
    {
        var containers = _run.Client.Containers;
        var parameters = await _run.ParametersAsync("exits", ["sh", "-c", "echo first; echo second >&2; echo third; exit 3"]);
        var id = (await containers.CreateContainerAsync(parameters, _run.Deadline())).ID;
        await containers.StartContainerAsync(id, null, _run.Deadline());

        var exitCode = await ContainerExit.WaitAsync(containers, id, _run.Deadline(30));
        var logs = await ContainerLogs.TailAsync(containers, id, 100, _run.Deadline(30));
        var lastTwo = await ContainerLogs.TailAsync(containers, id, 2, _run.Deadline(30));

        Assert.Equal(3, exitCode);
        Assert.Equal(["first", "second", "third"], logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal(2, lastTwo.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ExtractArchive_ThenExecCat_FileHasContentAndOwner()
    {
        var id = await _run.StartSleeperAsync("archive");
        var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "config/app.conf")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes("tenant=acme\n")),
                Uid = 65534,
                Gid = 65534,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            await writer.WriteEntryAsync(entry, _run.Deadline());
        }

        tar.Position = 0;

        await _run.Client.Containers.ExtractArchiveToContainerAsync(id, new CopyToContainerParameters { Path = "/tmp", CopyUIDGID = true }, tar, _run.Deadline());

        Assert.Throws<ObjectDisposedException>(() => tar.Position); // the library disposes the stream it is given
        var cat = await ExecRunner.RunAsync(_run.Client.Exec, id, new ExecRequest { Cmd = ["cat", "/tmp/config/app.conf"] }, _run.Deadline());
        Assert.Equal(new ExecResult(0, "tenant=acme\n", ""), cat);
        var owner = await ExecRunner.RunAsync(_run.Client.Exec, id, new ExecRequest { Cmd = ["stat", "-c", "%u %a", "/tmp/config/app.conf"] }, _run.Deadline());
        Assert.Equal("65534 600\n", owner.Stdout);
    }

    [Fact]
    public async Task ExtractArchive_TargetDirectoryMissing_NotFound()
    {
        var id = await _run.StartSleeperAsync("nodir");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _run.Client.Containers.ExtractArchiveToContainerAsync(
            id, new CopyToContainerParameters { Path = "/does/not/exist" }, new MemoryStream(new byte[1024]), _run.Deadline()));

        // The engine answers 404 as soon as it has read the path, and closes the connection: when that happens before
        // the client has written the body, the client sees a broken pipe instead of the 404 (a race on a busy machine).
        // Either way the upload is refused and nothing is created.
        if (error is DockerApiException api)
        {
            Assert.True(EngineErrorMapping.IsNotFound(api), api.ToString());
        }
        else
        {
            Assert.True(error is HttpRequestException && error.ToString().Contains("Broken pipe", StringComparison.Ordinal), error.ToString());
        }

        var look = await ExecRunner.RunAsync(_run.Client.Exec, id, new ExecRequest { Cmd = ["ls", "/does"] }, _run.Deadline());
        Assert.NotEqual(0, look.ExitCode);
    }

    [Fact]
    public async Task SampleAsync_RunningWithMemoryLimit_LimitUsageAndCpuCounters()
    {
        var id = await _run.StartSleeperAsync("stats", new HostConfig { Memory = SixtyFourMiB });

        var stats = await ContainerStatsSampler.SampleAsync(_run.Client.Containers, id, _run.Deadline(30));

        Assert.NotNull(stats);
        Assert.Equal((ulong)SixtyFourMiB, stats.MemoryStats!.Limit);
        Assert.True(stats.MemoryStats.Usage > 0);
        Assert.True(stats.CPUStats!.OnlineCPUs > 0);
        Assert.True(stats.CPUStats.SystemUsage > 0);
        Assert.True(stats.PreCPUStats!.SystemUsage > 0, "stream=false waits for a previous sample");
    }
}
