using System.Globalization;
using Microsoft.Extensions.Logging;
using Provisioner.Aws.Program;
using Provisioner.Aws.Pulumi;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Backend;

/// <summary>
/// The steps of one apply on one tenant's stack, each recorded as a change: write the program and config and
/// <c>pulumi up</c>, snapshot the databases, run a job as a one-off task.
/// </summary>
internal sealed class AwsRollout(
    PulumiDriver driver, EcsTaskRunner tasks, AwsBackendOptions options, string programRoot, Stamp stamp, TenantSecrets secrets, ApplyContext context, ILogger log)
{
    public string Stack { get; } = StackNames.ForTenant(stamp.Tenant);

    public List<PlannedChange> Changes { get; } = [];

    public async Task<StackOutputs> UpAsync(AwsProgram program, CancellationToken ct)
    {
        ProgramWorkspace.Write(programRoot, Stack, program.Text);
        await driver.SetConfigAsync(Stack, AwsStackConfig.For(stamp, secrets, options), ct);
        var started = new HashSet<PlannedChange>();
        var summary = await driver.UpAsync(Stack, async e =>
        {
            if (!e.IsChange)
            {
                return;
            }

            var change = PulumiChanges.From(e);
            if (e.Kind == "resourcePreEvent" && started.Add(change))
            {
                await context.BeforeChange(change);
            }
            else if (e.Kind == "resOutputsEvent" && started.Remove(change))
            {
                await context.AfterChange(change);
            }
        }, ct);
        Changes.AddRange(summary.Changes.Select(PulumiChanges.From));
        log.LogInformation("{Tenant}: pulumi up ({Mode}) on {Stack} changed {Count} resource(s)", stamp.Tenant, program.Mode, Stack, summary.Changes.Count);
        return await driver.GetOutputsAsync(Stack, ct) ?? throw new ProvisionerException($"stack {Stack} has no outputs after up");
    }

    /// <summary>An RDS snapshot of every database: the data as it was before the new release's jobs change it.</summary>
    public async Task SnapshotAsync(StackOutputs outputs, CancellationToken ct)
    {
        var databases = outputs.Map(AwsOutputNames.Databases);
        foreach (var (component, db) in databases)
        {
            var id = RdsSnapshotName.Before(stamp.Tenant, component, databases.Count, stamp.Template.Version.ToNormalizedString(), DateTimeOffset.UtcNow);
            var change = new PlannedChange(ChangeKind.Create, AwsResourceTypes.RdsSnapshot, id, $"of {db} before the {stamp.Template.Ref} migration; restore it to undo the migration");
            await context.BeforeChange(change);
            await tasks.AwsAsync(["rds", "create-db-snapshot", "--db-instance-identifier", db, "--db-snapshot-identifier", id], outputs, ct);
            await tasks.AwsAsync(["rds", "wait", "db-snapshot-available", "--db-snapshot-identifier", id], outputs, ct);
            await context.AfterChange(change);
            Changes.Add(change);
            log.LogInformation("{Tenant}: RDS snapshot {Snapshot} of {Db} taken before the migration", stamp.Tenant, id, db);
        }
    }

    /// <summary>Runs a template job as a one-off task of its component; a failure names the job and ends with its last log lines.</summary>
    public async Task RunJobAsync(StackOutputs outputs, JobSpec job, CancellationToken ct)
    {
        var change = new PlannedChange(ChangeKind.Run, AwsResourceTypes.EcsTask, StampNames.Job(stamp.Tenant, job.Name), $"{stamp.Template.Ref} job {job.Name} ({job.Component})");
        await context.BeforeChange(change);
        var task = await tasks.RunAsync(outputs, job.Component, Command(outputs, job), ct);
        if (!task.Succeeded)
        {
            var where = job.Phase == JobPhase.Before ? "the services still run their previous version" : "the services already run the new version";
            throw new ProvisionerException(
                $"job {job.Name} of {stamp.Template.Ref} failed on AWS (exit code {task.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {task.StoppedReason}); {where}. Last log lines:\n{AwsText.Tail(task.Logs, 20)}");
        }

        await context.AfterChange(change);
        Changes.Add(change);
    }

    /// <summary>The job's command as the program filled in its values (<c>jobCommands</c>), else the template's as it is.</summary>
    private static IReadOnlyList<string> Command(StackOutputs outputs, JobSpec job)
    {
        if (outputs.Map(AwsOutputNames.JobCommands).GetValueOrDefault(job.Name) is not { } raw)
        {
            return job.Command;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(raw);
        return doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
    }
}
