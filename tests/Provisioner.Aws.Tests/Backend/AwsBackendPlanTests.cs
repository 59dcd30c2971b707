using Provisioner.Aws.Tests.Fakes;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;

namespace Provisioner.Aws.Tests.Backend;

public sealed class AwsBackendPlanTests : IDisposable
{
    private const string Image = "111.dkr.ecr.eu-west-1.amazonaws.com/notes-app:1.1.0";

    private readonly string _home = Directory.CreateTempSubdirectory("aws-plan-").FullName;

    [Fact]
    public async Task Plan_NoStack_TheWholeGeneratedProgram()
    {
        var runner = AwsFakes.Runner().On("stack output", 255, stderr: "error: no stack named 'tenant-acme' found");

        var change = Assert.Single(await AwsFakes.Backend(runner).PlanAsync(NotesStamps.For("acme"), default));

        Assert.Equal((ChangeKind.Create, "tenant-acme"), (change.Kind, change.Name));
        Assert.Contains("the program generated from notes@1.1.0", change.Reason);
        Assert.DoesNotContain(runner.Calls, c => c.Arguments[0] is "up" or "config" or "refresh");
    }

    [Fact]
    public async Task Plan_NewRelease_SnapshotJobAndEachService()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning("notes-app:1.0.0"));

        var changes = await AwsFakes.Backend(runner).PlanAsync(NotesStamps.For("acme"), default);

        Assert.Equal(["pulumi stack", "rds snapshot", "ecs task", "ecs service"], changes.Select(c => c.Resource.ToString()));
        Assert.StartsWith("t-acme-pre-1-1-0-", changes[1].Name);
        Assert.Equal(("t-acme-migrate", "notes@1.1.0 (notes-app:1.0.0) -> notes@1.1.0"), (changes[2].Name, changes[2].Reason));
        Assert.Equal(("t-acme-app", $"image {Image}"), (changes[3].Name, changes[3].Reason));
    }

    [Fact]
    public async Task Plan_SameRelease_OnlyTheConvergingUp()
    {
        var runner = AwsFakes.Runner().On("stack output", stdout: AwsFakes.OutputsRunning(Image));

        var change = Assert.Single(await AwsFakes.Backend(runner).PlanAsync(NotesStamps.For("acme"), default));

        Assert.Equal(ChangeKind.Replace, change.Kind);
    }

    [Fact]
    public async Task Preflight_TemplateAwsCannotRun_RefusedBeforeAnythingIsCreated()
    {
        var stamp = NotesStamps.For("acme");
        stamp = stamp with { Template = stamp.Template with { Components = stamp.Template.Components.Select(c => c with { IsEntry = false }).ToList() } };

        var e = await Assert.ThrowsAsync<BadInputException>(() => AwsFakes.Backend(AwsFakes.Runner(), home: _home).PreflightAsync(stamp, default));

        Assert.Contains("cannot be stamped out on AWS: it has no entry component", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_home));
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
