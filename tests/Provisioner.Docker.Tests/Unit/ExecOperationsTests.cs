using System.Text.Json;
using Provisioner.Docker.Engine;
using Provisioner.Docker.Tests.Fakes;

namespace Provisioner.Docker.Tests.Unit;

public sealed class ExecOperationsTests
{
    [Fact]
    public async Task RunAsync_MultiplexedOutput_SeparatesStreamsAndReturnsExitCode()
    {
        var output = Frames.Concat(Frames.Frame(Frames.Stdout, "out\n"), Frames.Frame(Frames.Stderr, "err\n"));
        var handler = new FakeDockerHandler()
            .OnJson(HttpMethod.Post, "/containers/c1/exec", """{"Id":"e1"}""")
            .On(HttpMethod.Post, "/exec/e1/start", () => FakeDockerHandler.Raw(output))
            .OnJson(HttpMethod.Get, "/exec/e1/json", """{"Running":false,"ExitCode":7}""");
        using var client = FakeClient.Create(handler);

        var result = await client.Exec.RunAsync("c1", new ExecCreateParameters { Cmd = ["sh", "-c", "x"], User = "postgres", Env = ["A=1"] });

        Assert.Equal(new ExecResult(7, "out\n", "err\n"), result);
        using var create = JsonDocument.Parse(handler.ApiRequests[0].Body);
        Assert.True(create.RootElement.GetProperty("AttachStdout").GetBoolean());
        Assert.True(create.RootElement.GetProperty("AttachStderr").GetBoolean());
        Assert.False(create.RootElement.GetProperty("AttachStdin").GetBoolean());
        Assert.False(create.RootElement.GetProperty("Tty").GetBoolean());
        Assert.Equal("postgres", create.RootElement.GetProperty("User").GetString());
        using var start = JsonDocument.Parse(handler.ApiRequests[1].Body);
        Assert.False(start.RootElement.GetProperty("Detach").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_ExitCodeNotYetRecorded_PollsUntilEngineHasIt()
    {
        var inspections = 0;
        var handler = new FakeDockerHandler()
            .OnJson(HttpMethod.Post, "/containers/c1/exec", """{"Id":"e1"}""")
            .On(HttpMethod.Post, "/exec/e1/start", () => FakeDockerHandler.Raw([]))
            .On(HttpMethod.Get, "/exec/e1/json", () => FakeDockerHandler.Json(
                ++inspections < 3 ? """{"Running":true,"ExitCode":null}""" : """{"Running":false,"ExitCode":0}"""));
        using var client = FakeClient.Create(handler);

        var result = await client.Exec.RunAsync("c1", new ExecCreateParameters { Cmd = ["true"] });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, inspections);
    }

    [Fact]
    public async Task RunAsync_EmptyCommand_Throws()
    {
        using var client = FakeClient.Create(new FakeDockerHandler());

        await Assert.ThrowsAsync<ArgumentException>(() => client.Exec.RunAsync("c1", new ExecCreateParameters { Cmd = [] }));
    }
}
