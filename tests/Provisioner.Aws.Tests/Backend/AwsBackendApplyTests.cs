using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Tests.Backend;

public sealed class AwsBackendApplyTests
{
    private const string Image = "111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.1.0";

    [Fact]
    public async Task Apply_NewTenant_CreatesStackWithNoTasks_MigratesThenStartsService()
    {
        var runner = AwsFakes.Runner()
            .On("stack output", 255, stderr: "error: no stack named 'tenant-acme' found\n", once: true)
            .On("stack output", stdout: AwsFakes.OutputsRunning("notes-app:1.0.0"), once: true)
            .On("stack output", stdout: AwsFakes.OutputsRunning(Image));
        var context = new RecordingApplyContext();

        var result = await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, context.Context, default);

        Assert.Equal(
            [
                "pulumi stack select --stack tenant-acme --create --secrets-provider passphrase",
                "pulumi stack output --json --show-secrets --stack tenant-acme",
                "pulumi config set-all",
                "pulumi up --yes --skip-preview --json --stack tenant-acme",
                "pulumi stack output --json --show-secrets --stack tenant-acme",
                "aws ecs run-task",
                "aws ecs wait",
                "aws ecs describe-tasks",
                "aws logs get-log-events",
                "pulumi config set-all",
                "pulumi up --yes --skip-preview --json --stack tenant-acme",
                "pulumi stack output --json --show-secrets --stack tenant-acme",
            ],
            runner.Programs.Select(p => p.StartsWith("pulumi config", StringComparison.Ordinal) || p.StartsWith("aws", StringComparison.Ordinal) ? string.Join(' ', p.Split(' ').Take(3)) : p));
        var configs = runner.Calls.Where(c => c.Arguments[0] == "config").Select(c => c.Arguments).ToList();
        Assert.Contains("appCount=0", configs[0]);
        Assert.Contains($"image={Image}", configs[0]);
        Assert.Contains("appCount=1", configs[1]);
        Assert.Equal("http://t-acme-alb-1.eu-west-1.elb.amazonaws.com/", result.Endpoint!.ToString());
        Assert.Contains("before run ecs task t-acme-migrate (notes@1.1.0 migration)", context.Lines);
        Assert.Contains("after replace aws:ecs/service:Service service (updated in place)", context.Lines);
    }

    [Fact]
    public async Task Apply_MigrationTask_RunsTemplateCommandBehindSecretScript()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("notes-app:1.0.0"));

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        var run = runner.Calls.Single(c => c.FileName == "aws" && c.Arguments[1] == "run-task").Arguments;
        Assert.Equal("arn:aws:ecs:eu-west-1:111:task-definition/t-acme-migrate:3", run[run.ToList().IndexOf("--task-definition") + 1]);
        Assert.Equal("awsvpcConfiguration={subnets=[subnet-a,subnet-b],securityGroups=[sg-app],assignPublicIp=DISABLED}", run[run.ToList().IndexOf("--network-configuration") + 1]);
        Assert.Contains("\"/app/notes\",\"migrate\"", run[run.ToList().IndexOf("--overrides") + 1]);
        Assert.Equal(["--region", "eu-west-1"], run.TakeLast(2));
    }

    [Fact]
    public async Task Apply_SameImageRunning_RefreshesThenUpsOnce_NoMigration()
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
                "up --yes --skip-preview --json --stack tenant-acme",
                "stack output --json --show-secrets --stack tenant-acme",
            ],
            runner.Commands.Select(c => c.StartsWith("config", StringComparison.Ordinal) ? "config set-all" : c));
    }

    [Fact]
    public async Task Apply_InterruptedBeforeFirstMigration_MigratesOnRerun()
    {
        var zeroTasks = AwsFakes.OutputsRunning(Image).Replace("\"appCount\": 1", "\"appCount\": 0", StringComparison.Ordinal);
        var runner = AwsFakes.Runner().On("stack output", stdout: zeroTasks);

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        Assert.Single(runner.Calls, c => c.FileName == "aws" && c.Arguments[1] == "run-task");
        Assert.Contains("appCount=0", runner.Calls.First(c => c.Arguments[0] == "config").Arguments);
    }

    [Fact]
    public async Task Apply_MigrationFails_ThrowsWithLogsAndNeverRollsTheService()
    {
        var runner = AwsFakes.Runner(migrationExit: 3).On("stack output", stdout: AwsFakes.OutputsRunning("111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.0.0"));

        var e = await Assert.ThrowsAsync<ProvisionerException>(
            () => AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default));

        Assert.Contains("migration failed on AWS (exit code 3", e.Message);
        Assert.Contains("the service still runs its previous image", e.Message);
        Assert.Contains("migrated", e.Message);
        var up = Assert.Single(runner.Calls, c => c.Arguments[0] == "config");
        Assert.Contains("image=111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.0.0", up.Arguments);
        Assert.Contains($"migrateImage={Image}", up.Arguments);
    }

    [Fact]
    public async Task Apply_SecretValue_NeverInDisplayedCommands()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning(Image));

        await AwsFakes.Backend(runner).ApplyAsync(NotesStamps.For("acme"), NotesStamps.Secrets, new RecordingApplyContext().Context, default);

        var config = runner.Calls.Single(c => c.Arguments[0] == "config");
        Assert.Contains("dbPassword=pw-7f3a9c", config.Arguments);
        Assert.Equal("--secret", config.Arguments[config.Arguments.ToList().IndexOf("dbPassword=pw-7f3a9c") - 1]);
        Assert.All(runner.Calls, c => Assert.DoesNotContain("pw-7f3a9c", c.Display()));
    }
}
