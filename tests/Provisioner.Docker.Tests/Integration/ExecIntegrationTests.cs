using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Provisioner.Docker.Engine;

namespace Provisioner.Docker.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ExecIntegrationTests : IAsyncLifetime
{
    private readonly TestRun _run = new();
    private string _container = "";

    public Task InitializeAsync() => _run.SetUpAsync(async () => _container = await _run.StartSleeperAsync("exec"));

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task RunAsync_WritesBothStreamsAndFails_SeparatesStreamsAndReturnsExitCode()
    {
        var result = await Run(new ExecRequest { Cmd = ["sh", "-c", "echo out; echo err >&2; echo out2; exit 7"] });

        Assert.Equal(new ExecResult(7, "out\nout2\n", "err\n"), result);
    }

    [Fact]
    public async Task RunAsync_UserEnvAndWorkingDir_Applied()
    {
        var result = await Run(new ExecRequest
        {
            Cmd = ["sh", "-c", "echo \"$GREETING $(id -u) $(pwd)\""],
            User = "nobody",
            Env = ["GREETING=hi"],
            WorkingDir = "/tmp",
        });

        Assert.Equal(new ExecResult(0, "hi 65534 /tmp\n", ""), result);
    }

    [Fact]
    public async Task RunAsync_LargeOutput_ReadCompletely()
    {
        var result = await Run(new ExecRequest { Cmd = ["sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x; echo; head -c 100000 /dev/zero | tr '\\0' e >&2"] });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3_000_001, result.Stdout.Length);
        Assert.Equal(100_000, result.Stderr.Length);
    }

    [Fact]
    public async Task RunAsync_StdoutSink_StreamedThereNotCollected()
    {
        using var sink = new MemoryStream();

        var result = await Run(new ExecRequest { Cmd = ["sh", "-c", "echo dump; echo note >&2"], StdoutSink = sink });

        Assert.Equal(new ExecResult(0, "", "note\n"), result);
        Assert.Equal("dump\n", Encoding.UTF8.GetString(sink.ToArray()));
    }

    [Fact]
    public async Task RunAsync_Stdin_FedToCommandAndClosed()
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes("line one\nline two\n"));

        var result = await Run(new ExecRequest { Cmd = ["cat"], Stdin = stdin });

        Assert.Equal(new ExecResult(0, "line one\nline two\n", ""), result);
    }

    [Fact]
    public async Task RunAsync_LargeStdin_AllBytesArrive()
    {
        using var stdin = new MemoryStream(new byte[5_000_000]);

        var result = await Run(new ExecRequest { Cmd = ["wc", "-c"], Stdin = stdin });

        Assert.Equal("5000000", result.Stdout.Trim());
    }

    [Fact]
    public async Task RunAsync_StdinIgnoredByCommand_StillCompletes()
    {
        using var stdin = new MemoryStream(new byte[5_000_000]);

        var result = await Run(new ExecRequest { Cmd = ["sh", "-c", "echo done; exit 4"], Stdin = stdin });

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("done\n", result.Stdout);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_ReturnsEngineExitCode()
    {
        var result = await Run(new ExecRequest { Cmd = ["no-such-command"] });

        Assert.Equal(126, result.ExitCode);
        Assert.Contains("no-such-command", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ContainerStopped_ConflictStatus()
    {
        await _run.Client.Containers.StopContainerAsync(_container, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, _run.Deadline());

        var error = await Assert.ThrowsAsync<DockerApiException>(() => Run(new ExecRequest { Cmd = ["true"] }));

        Assert.True(EngineErrorMapping.IsConflict(error), $"{error.StatusCode}: {error.ResponseBody}");
    }

    [Fact]
    public async Task RunAsync_ContainerMissing_NotFound()
    {
        var error = await Assert.ThrowsAnyAsync<DockerApiException>(() =>
            ExecRunner.RunAsync(_run.Client.Exec, _run.Name("missing"), new ExecRequest { Cmd = ["true"] }, _run.Deadline()));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RunAsync_ManyInParallel_AllReturnTheirOwnOutput()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Run(new ExecRequest { Cmd = ["sh", "-c", $"echo {i}; exit {i % 3}"] })));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(new ExecResult(i % 3, $"{i}\n", ""), results[i]);
        }
    }

    private Task<ExecResult> Run(ExecRequest request) => ExecRunner.RunAsync(_run.Client.Exec, _container, request, _run.Deadline(60));
}
