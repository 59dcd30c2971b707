using Provisioner.Core.Backends;
using Provisioner.Aws.Pulumi.Errors;
using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Reconcile;

namespace Provisioner.Aws.Tests.Backend;

public sealed class AwsBackendLifecycleTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("aws-backend-").FullName;

    [Fact]
    public async Task Preflight_NoPulumiOnPath_ThrowsWhatToInstall_AndCreatesNothing()
    {
        var runner = new RecordingProcessRunner();

        var e = await Assert.ThrowsAsync<PulumiNotInstalledException>(
            () => AwsFakes.Backend(runner, pulumi: false, home: _home).PreflightAsync(NotesStamps.For("acme"), default));

        Assert.Contains("needs the Pulumi CLI", e.Message);
        Assert.Empty(runner.Calls);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_home));
    }

    [Fact]
    public async Task Preflight_NoAwsCli_SaysToInstallIt()
    {
        var runner = AwsFakes.Runner();

        var e = await Assert.ThrowsAsync<Core.Errors.ProvisionerException>(
            () => AwsFakes.Backend(runner, aws: false, home: _home).PreflightAsync(NotesStamps.For("acme"), default));

        Assert.Contains("install AWS CLI v2", e.Hint);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_home));
    }

    [Fact]
    public async Task Preflight_Tools_Present_CreatesPrivatePassphraseFile()
    {
        await AwsFakes.Backend(AwsFakes.Runner(), home: _home).PreflightAsync(NotesStamps.For("acme"), default);

        var file = Path.Combine(_home, "pulumi-test-passphrase");
        Assert.True(File.ReadAllText(file).Length >= 40);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Observe_NoStack_NothingExists()
    {
        var runner = AwsFakes.Runner().On("stack output", 255, stderr: "error: no stack named 'tenant-acme' found");

        var observed = await AwsFakes.Backend(runner).ObserveAsync("acme", default);

        Assert.False(observed.Exists);
    }

    [Fact]
    public async Task Observe_Stack_ReportsServiceAndDatabaseFromOutputs()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("img:1"));

        var observed = await AwsFakes.Backend(runner).ObserveAsync("acme", default);

        Assert.Equal(["app", "db"], observed.Components.Select(c => c.Component));
        Assert.Equal(ComponentState.Running, observed.Components[0].State);
        Assert.Equal("img:1", observed.Components[0].Image);
        Assert.Equal("http://t-acme-alb-1.eu-west-1.elb.amazonaws.com", observed.Components[0].PublishedOn);
        Assert.Equal("t-acme-db", observed.Components[1].Name);
        Assert.Contains("RDS at t-acme-db.c1.eu-west-1.rds.amazonaws.com:5432", observed.Components[1].Status);
        Assert.Contains("final snapshot t-acme-db-final (on destroy)", observed.Volumes);
        Assert.Equal(["subnet-a", "subnet-b", "sg-tasks"], observed.Networks);
    }

    [Fact]
    public async Task Destroy_KeepData_DestroysStackKeepsSnapshotAndStack()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", stdout: AwsFakes.OutputsRunning("img:1"))
            .On("destroy", stdout: """{"sequence":1,"resOutputsEvent":{"metadata":{"op":"delete","urn":"urn:pulumi:tenant-acme::provision-tenant::aws:rds/instance:Instance::dbDatabase","type":"aws:rds/instance:Instance"}}}""");

        var changes = await AwsFakes.Backend(runner).DestroyAsync("acme", deleteData: false, default);

        var change = Assert.Single(changes);
        Assert.Equal(ChangeKind.Remove, change.Kind);
        Assert.Equal("deleted; final snapshot t-acme-db-final kept", change.Reason);
        Assert.Contains("destroy --yes --skip-preview --json --stack tenant-acme", runner.Commands);
        Assert.DoesNotContain(runner.Commands, c => c.StartsWith("stack rm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Destroy_DeleteData_AlsoRemovesStack()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("img:1"));

        await AwsFakes.Backend(runner).DestroyAsync("acme", deleteData: true, default);

        Assert.Equal("stack rm --yes --stack tenant-acme", runner.Commands.Last());
    }

    [Fact]
    public async Task Exec_RunsCommandAsOneOffTask_ReturnsExitCodeAndLogs()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("img:1"));

        var result = await ((IComponentExec)AwsFakes.Backend(runner)).ExecAsync("acme", "db", ["psql", "-tAc", "select 1"], "postgres", default);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("migrated", result.Stdout);
    }

    [Fact]
    public async Task Exec_ComponentWithoutOneOffTask_SaysWhichHaveOne()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("img:1"));

        var e = await Assert.ThrowsAsync<Core.Errors.ProvisionerException>(
            () => ((IComponentExec)AwsFakes.Backend(runner)).ExecAsync("acme", "cache", ["true"], null, default));

        Assert.Contains("component cache has no one-off task on AWS", e.Message);
        Assert.Contains("app, db", e.Message);
        Assert.DoesNotContain(runner.Calls, c => c.FileName == "aws");
    }

    [Fact]
    public async Task Exec_Database_RunsInItsClientTask()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("img:1"));

        await ((IComponentExec)AwsFakes.Backend(runner)).ExecAsync("acme", "db", ["psql", "-tAc", "select 1"], "postgres", default);

        var run = runner.Calls.Single(c => c.FileName == "aws" && c.Arguments[1] == "run-task").Arguments.ToList();
        Assert.Equal("arn:aws:ecs:eu-west-1:111:task-definition/t-acme-db-run:3", run[run.IndexOf("--task-definition") + 1]);
        Assert.Contains("\"name\":\"db\"", run[run.IndexOf("--overrides") + 1]);
    }

    [Fact]
    public async Task Logs_Service_ReadsItsServiceStreams()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("img:1")).On("logs filter-log-events", stdout: "a\tb\n");

        var text = await AwsFakes.Backend(runner).GetLogsAsync("acme", "app", 10, default);

        var call = runner.Calls.Single(c => c.FileName == "aws").Arguments.ToList();
        Assert.Equal("service/app/", call[call.IndexOf("--log-stream-name-prefix") + 1]);
        Assert.Equal("a\nb", text);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
