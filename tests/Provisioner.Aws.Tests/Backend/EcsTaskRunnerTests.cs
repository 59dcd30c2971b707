using Provisioner.Core.Backends;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Tests.Backend;

public sealed class EcsTaskRunnerTests
{
    [Fact]
    public async Task Exec_WaiterGivesUpAfterTenMinutes_WaitsAgain()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", stdout: AwsFakes.OutputsRunning("img:1"))
            .On("ecs wait", 255, stderr: "\nWaiter TasksStopped failed: Max attempts exceeded\n", once: true);

        var result = await ((IComponentExec)AwsFakes.Backend(runner)).ExecAsync("acme", "db", ["psql", "-tAc", "select 1"], null, default);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, runner.Calls.Count(c => c.FileName == "aws" && c.Arguments[1] == "wait"));
    }

    [Fact]
    public async Task Exec_WaiterFailsOtherwise_ThrowsWithItsError()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", stdout: AwsFakes.OutputsRunning("img:1"))
            .On("ecs wait", 255, stderr: "An error occurred (ExpiredTokenException): The security token included in the request is expired");

        var e = await Assert.ThrowsAsync<ProvisionerException>(
            () => ((IComponentExec)AwsFakes.Backend(runner)).ExecAsync("acme", "db", ["psql", "-tAc", "select 1"], null, default));

        Assert.Contains("ExpiredTokenException", e.Message);
    }

    [Fact]
    public async Task Exec_TaskNotStarted_ThrowsWithEcsFailures()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", stdout: AwsFakes.OutputsRunning("img:1"))
            .On("ecs run-task", stdout: """{"tasks":[],"failures":[{"reason":"RESOURCE:MEMORY"}]}""");

        var e = await Assert.ThrowsAsync<ProvisionerException>(
            () => ((IComponentExec)AwsFakes.Backend(runner)).ExecAsync("acme", "db", ["true"], null, default));

        Assert.Contains("RESOURCE:MEMORY", e.Message);
    }
}
