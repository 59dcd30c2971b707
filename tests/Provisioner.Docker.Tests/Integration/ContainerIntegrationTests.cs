using System.Formats.Tar;
using System.Text;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ContainerIntegrationTests : IAsyncLifetime
{
    private const long SixtyFourMiB = 64L * 1024 * 1024;

    private readonly TestRun _run = new();

    public Task InitializeAsync() => TestImages.EnsureBaseImageAsync(_run.Client, _run.Deadline(660));

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task Lifecycle_CreateStartInspectStopRemove_ReflectsEachStep()
    {
        var containers = _run.Client.Containers;
        var name = _run.Name("life");
        var id = await containers.CreateAsync(
            name,
            new ContainerCreateParameters
            {
                Image = TestRun.BaseImage,
                Cmd = ["sleep", "infinity"],
                Env = ["GREETING=hello"],
                Labels = new Dictionary<string, string>(_run.Labels) { ["provisioner.component"] = "app" },
                ExposedPorts = ["8080/tcp"],
                StopTimeout = 2,
                HostConfig = new HostConfig
                {
                    NanoCpus = 500_000_000,
                    Memory = SixtyFourMiB,
                    MemorySwap = SixtyFourMiB,
                    PidsLimit = 64,
                    Init = true,
                    PortBindings = new Dictionary<string, IReadOnlyList<PortBinding>> { ["8080/tcp"] = [new PortBinding { HostIp = "127.0.0.1" }] },
                    Mounts = [Mount.Tmpfs("/run/secrets", 1024 * 1024, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)],
                    CapDrop = ["NET_RAW"],
                    SecurityOpt = ["no-new-privileges"],
                    RestartPolicy = RestartPolicy.No,
                },
            },
            _run.Deadline());

        var created = await containers.InspectAsync(id, _run.Deadline());
        Assert.Equal("created", created.State.Status);
        Assert.Equal($"/{name}", created.Name);

        await containers.StartAsync(id, _run.Deadline());
        await containers.StartAsync(id, _run.Deadline());

        var running = await containers.InspectAsync(name, _run.Deadline());
        Assert.True(running.State.Running);
        Assert.Equal("running", running.State.Status);
        Assert.True(running.State.StartedAt > running.Created);
        Assert.Equal(SixtyFourMiB, running.HostConfig.Memory);
        Assert.Equal(500_000_000, running.HostConfig.NanoCpus);
        Assert.Equal(64, running.HostConfig.PidsLimit);
        Assert.Equal("app", running.Config.Labels["provisioner.component"]);
        Assert.Contains("GREETING=hello", running.Config.Env);
        Assert.Equal(["8080/tcp"], running.Config.ExposedPorts);
        var published = Assert.Single(running.NetworkSettings.Ports["8080/tcp"] ?? []);
        Assert.Equal("127.0.0.1", published.HostIp);
        Assert.True(int.Parse(published.HostPort, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(running.Mounts, mount => mount.Type == "tmpfs" && mount.Destination == "/run/secrets");

        var listed = Assert.Single(await containers.ListAsync(all: false, _run.Filter, _run.Deadline()));
        Assert.Equal(id, listed.Id);
        Assert.Equal(name, listed.Name);
        Assert.Equal("running", listed.State);

        await containers.StopAsync(id, timeoutSeconds: 5, _run.Deadline());
        await containers.StopAsync(id, timeoutSeconds: 5, _run.Deadline());

        var stopped = await containers.InspectAsync(id, _run.Deadline());
        Assert.False(stopped.State.Running);
        Assert.Equal("exited", stopped.State.Status);
        Assert.Empty(await containers.ListAsync(all: false, _run.Filter, _run.Deadline()));
        Assert.Single(await containers.ListAsync(all: true, _run.Filter, _run.Deadline()));

        await containers.RemoveAsync(id, cancellationToken: _run.Deadline());

        await Assert.ThrowsAsync<DockerNotFoundException>(() => containers.InspectAsync(id, _run.Deadline()));
    }

    [Fact]
    public async Task CreateAsync_NameTaken_ThrowsConflict()
    {
        await _run.StartSleeperAsync("taken");

        await Assert.ThrowsAsync<DockerConflictException>(() => _run.Client.Containers.CreateAsync(
            _run.Name("taken"), new ContainerCreateParameters { Image = TestRun.BaseImage, Labels = _run.Labels }, _run.Deadline()));
    }

    [Fact]
    public async Task CreateAsync_ImageMissing_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<DockerNotFoundException>(() => _run.Client.Containers.CreateAsync(
            _run.Name("noimage"), new ContainerCreateParameters { Image = $"provisioner/missing:{_run.Id[..8]}", Labels = _run.Labels }, _run.Deadline()));
    }

    [Fact]
    public async Task RemoveAsync_RunningWithoutForce_ThrowsConflict()
    {
        var id = await _run.StartSleeperAsync("running");

        await Assert.ThrowsAsync<DockerConflictException>(() => _run.Client.Containers.RemoveAsync(id, cancellationToken: _run.Deadline()));
        await _run.Client.Containers.RemoveAsync(id, force: true, cancellationToken: _run.Deadline());
    }

    [Fact]
    public async Task WaitAndLogs_CommandWritesBothStreamsAndExits_ReturnsExitCodeAndInterleavedLogs()
    {
        var containers = _run.Client.Containers;
        var id = await containers.CreateAsync(
            _run.Name("exits"),
            new ContainerCreateParameters
            {
                Image = TestRun.BaseImage,
                Cmd = ["sh", "-c", "echo first; echo second >&2; echo third; exit 3"],
                Labels = _run.Labels,
            },
            _run.Deadline());
        await containers.StartAsync(id, _run.Deadline());

        var exitCode = await containers.WaitAsync(id, _run.Deadline(30));
        var logs = await containers.GetLogsAsync(id, tail: 100, _run.Deadline(30));
        var lastTwo = await containers.GetLogsAsync(id, tail: 2, _run.Deadline(30));

        Assert.Equal(3, exitCode);
        Assert.Equal(["first", "second", "third"], logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal(2, lastTwo.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var inspect = await containers.InspectAsync(id, _run.Deadline());
        Assert.Equal(3, inspect.State.ExitCode);
        Assert.False(inspect.State.Running);

        // Not FinishedAt > StartedAt: for a container that exits at once, engine 20.10 can record
        // FinishedAt a few milliseconds before StartedAt.
        Assert.True(inspect.State.FinishedAt.Year > 1);
    }

    [Fact]
    public async Task PutArchive_ThenExecCat_FileHasContentAndOwner()
    {
        var id = await _run.StartSleeperAsync("archive");
        using var tar = new MemoryStream();
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

        await _run.Client.Containers.PutArchiveAsync(id, "/tmp", tar, copyUidGid: true, _run.Deadline());

        var cat = await _run.Client.Exec.RunAsync(id, new ExecCreateParameters { Cmd = ["cat", "/tmp/config/app.conf"] }, _run.Deadline());
        Assert.Equal(new ExecResult(0, "tenant=acme\n", ""), cat);
        var owner = await _run.Client.Exec.RunAsync(id, new ExecCreateParameters { Cmd = ["stat", "-c", "%u %a", "/tmp/config/app.conf"] }, _run.Deadline());
        Assert.Equal("65534 600\n", owner.Stdout);
    }

    [Fact]
    public async Task PutArchiveAsync_TargetDirectoryMissing_ThrowsNotFound()
    {
        var id = await _run.StartSleeperAsync("nodir");
        using var tar = new MemoryStream(new byte[1024]);

        await Assert.ThrowsAsync<DockerNotFoundException>(() => _run.Client.Containers.PutArchiveAsync(id, "/does/not/exist", tar, cancellationToken: _run.Deadline()));
    }

    [Fact]
    public async Task GetStatsAsync_RunningWithMemoryLimit_ReportsLimitAndCpuCounters()
    {
        var id = await _run.StartSleeperAsync("stats", new HostConfig { Memory = SixtyFourMiB });

        var stats = await _run.Client.Containers.GetStatsAsync(id, _run.Deadline(30));

        Assert.Equal(SixtyFourMiB, stats.MemoryStats.Limit);
        Assert.True(stats.MemoryStats.Usage > 0);
        Assert.True(stats.CpuStats.OnlineCpus > 0);
        Assert.True(stats.CpuStats.SystemCpuUsage > 0);
        Assert.True(stats.CpuStats.CpuUsage.TotalUsage > 0);
        Assert.True(stats.Read > stats.PreRead);
        Assert.True(stats.PidsStats.Current >= 1);
    }

    [Fact]
    public async Task RestartAsync_Running_StartsAgainWithNewStartTime()
    {
        var id = await _run.StartSleeperAsync("restart");
        var before = await _run.Client.Containers.InspectAsync(id, _run.Deadline());

        await _run.Client.Containers.RestartAsync(id, timeoutSeconds: 1, _run.Deadline());

        var after = await _run.Client.Containers.InspectAsync(id, _run.Deadline());
        Assert.True(after.State.Running);
        Assert.True(after.State.StartedAt > before.State.StartedAt);
    }
}
