using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Tests.Backend;

public sealed class AwsBackendApplyTests
{
    private const string Image = "111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.1.0";

    [Fact]
    public async Task Apply_NewTenant_HoldsTheServiceAtNoTasks_MigratesThenRollsIt()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", 255, stderr: "error: no stack named 'tenant-acme' found\n", once: true)
            .On("stack output", stdout: AwsFakes.OutputsRunning(Image));
        var context = new RecordingApplyContext();

        var result = await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, context.Context, default);

        Assert.Equal(
            [
                "pulumi stack select --stack tenant-acme --create --secrets-provider passphrase",
                "pulumi stack output --json --show-secrets --stack tenant-acme",
                "pulumi config set-all",
                "pulumi config set",
                "pulumi up --yes --skip-preview --json --stack tenant-acme",
                "pulumi stack output --json --show-secrets --stack tenant-acme",
                "aws ecs run-task",
                "aws ecs wait",
                "aws ecs describe-tasks",
                "aws logs get-log-events",
                "pulumi config set-all",
                "pulumi config set",
                "pulumi up --yes --skip-preview --json --stack tenant-acme",
                "pulumi stack output --json --show-secrets --stack tenant-acme",
            ],
            runner.Programs.Select(p => p.StartsWith("pulumi config", StringComparison.Ordinal) || p.StartsWith("aws", StringComparison.Ordinal) ? string.Join(' ', p.Split(' ').Take(3)) : p));
        var deployed = runner.DeployedPrograms.ToList();
        Assert.True(Deployed.Holds(deployed[0], "app"));
        Assert.Contains("desiredCount: 0", deployed[0], StringComparison.Ordinal);
        Assert.Equal(Image, Deployed.ServiceImage(deployed[1], "app"));
        Assert.Equal("http://t-acme-alb-1.eu-west-1.elb.amazonaws.com/", result.Endpoint!.ToString());
        Assert.Contains("before run ecs task t-acme-migrate (notes@1.1.0 job migrate (app))", context.Lines);
        Assert.Contains("after replace aws:ecs/service:Service appService (updated in place)", context.Lines);
    }

    [Fact]
    public async Task Apply_Migration_RunsTheJobsCommandInTheComponentsOneOffTask()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("notes-app:1.0.0"));

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        var run = runner.Calls.Single(c => c.FileName == "aws" && c.Arguments[1] == "run-task").Arguments.ToList();
        Assert.Equal("arn:aws:ecs:eu-west-1:111:task-definition/t-acme-app-run:3", run[run.IndexOf("--task-definition") + 1]);
        Assert.Equal("awsvpcConfiguration={subnets=[subnet-a,subnet-b],securityGroups=[sg-tasks],assignPublicIp=DISABLED}", run[run.IndexOf("--network-configuration") + 1]);
        Assert.Contains("\"name\":\"app\",\"command\":[", run[run.IndexOf("--overrides") + 1]);
        Assert.Contains("\"/app/notes\",\"migrate\"]", run[run.IndexOf("--overrides") + 1]);
        Assert.Equal(["--region", "eu-west-1"], run.TakeLast(2));
        var logs = runner.Calls.Single(c => c.FileName == "aws" && c.Arguments[0] == "logs").Arguments.ToList();
        Assert.Equal("run/app/abc123", logs[logs.IndexOf("--log-stream-name") + 1]);
    }

    [Fact]
    public async Task Apply_SameReleaseRunning_RefreshesThenUpsOnce_NoMigration()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning(Image));

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        Assert.DoesNotContain(runner.Calls, c => c.FileName == "aws");
        Assert.Equal(
            [
                "stack select --stack tenant-acme --create --secrets-provider passphrase",
                "stack output --json --show-secrets --stack tenant-acme",
                "refresh --yes --skip-preview --stack tenant-acme",
                "config set-all",
                "config set-all",
                "up --yes --skip-preview --json --stack tenant-acme",
                "stack output --json --show-secrets --stack tenant-acme",
            ],
            runner.Commands.Select(c => c.StartsWith("config", StringComparison.Ordinal) ? "config set-all" : c));
        Assert.False(Deployed.Holds(runner.DeployedPrograms.Single(), "app"));
    }

    [Fact]
    public async Task Apply_InterruptedBeforeFirstMigration_MigratesOnRerun()
    {
        var zeroTasks = AwsFakes.OutputsRunning(Image).Replace("\"desiredCounts\": { \"app\": 1 }", "\"desiredCounts\": { \"app\": 0 }", StringComparison.Ordinal);
        var runner = AwsFakes.Runner().On("stack output", stdout: zeroTasks);

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        Assert.Single(runner.Calls, c => c.FileName == "aws" && c.Arguments[1] == "run-task");
        Assert.DoesNotContain(runner.Calls, c => c.FileName == "aws" && c.Arguments[0] == "rds");  // the same release: nothing to snapshot
        Assert.True(Deployed.Holds(runner.DeployedPrograms.First(), "app"));
    }

    [Fact]
    public async Task Apply_MigrationFails_ThrowsWithLogsAndNeverRollsTheService()
    {
        var runner = AwsFakes.Runner(migrationExit: 3).On("stack output", stdout: AwsFakes.OutputsRunning("111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.0.0"));

        var e = await Assert.ThrowsAsync<ProvisionerException>(
            () => AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default));

        Assert.StartsWith("job migrate of notes@1.1.0 failed on AWS (exit code 3", e.Message);
        Assert.Contains("the services still run their previous version", e.Message);
        Assert.Contains("migrated", e.Message);
        Assert.True(Deployed.Holds(Assert.Single(runner.DeployedPrograms), "app"));
    }

    [Fact]
    public async Task Apply_SecretValue_NeverInAnyArgumentNorDisplayedNorInTheProgram()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("notes-app:1.0.0"));

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        // The password reaches pulumi on standard input only: process arguments are readable by every user in /proc.
        var secret = runner.Calls.First(c => c.Arguments.Take(3).SequenceEqual(["config", "set", "--secret"]));
        Assert.Equal("dbPassword", secret.Arguments[5]);
        Assert.Equal("pw-7f3a9c", secret.StandardInput);
        Assert.All(runner.Calls, c => Assert.DoesNotContain(c.Arguments, a => a.Contains("pw-7f3a9c", StringComparison.Ordinal)));
        Assert.All(runner.Calls, c => Assert.DoesNotContain("pw-7f3a9c", c.Display()));
        Assert.All(runner.ProgramFiles, p => Assert.DoesNotContain("pw-7f3a9c", p ?? ""));
        Assert.All(runner.Calls.Where(c => c.FileName == "aws"), c => Assert.DoesNotContain("pw-7f3a9c", string.Join(' ', c.Arguments)));
    }

    [Fact]
    public async Task Apply_TrackerNewTenant_HoldsWebAndWorker_StartsTheQueueForTheMigration()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", 255, stderr: "error: no stack named 'tenant-acme' found\n", once: true)
            .On("stack output", stdout: AwsFakes.Outputs.Replace("\"app\": \"arn", "\"web\": \"arn", StringComparison.Ordinal));

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme", "2.0.0", product: "tracker"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        var hold = runner.DeployedPrograms.First();
        Assert.True(Deployed.Holds(hold, "web"));
        Assert.True(Deployed.Holds(hold, "worker"));
        Assert.Equal("111.dkr.ecr.eu-west-1.amazonaws.com/provisioner/redis:7", Deployed.ServiceImage(hold, "queue"));
        var run = runner.Calls.Single(c => c.FileName == "aws" && c.Arguments[1] == "run-task").Arguments.ToList();
        Assert.Contains("\"name\":\"web\"", run[run.IndexOf("--overrides") + 1]);
    }
}
