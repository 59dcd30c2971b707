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
/// Tenants on AWS, one Pulumi stack each (<c>tenant-&lt;name&gt;</c>) of a program generated from the tenant's template
/// (<see cref="AwsProgramGenerator"/>), written into the tenant's program folder before each run. Apply = config + up;
/// when a new release needs its jobs (a migration), a first up holds the services on what they run while the jobs run
/// as one-off ECS tasks, then a second up rolls every service (ECS's circuit breaker rolls a failing rollout back).
/// Observations come from the stack's outputs (no live AWS calls).
/// </summary>
internal sealed class AwsBackend(PulumiDriver pulumi, EcsTaskRunner tasks, AwsBackendOptions options, Func<string, string?> locate, ILogger log)
    : ITenantBackend, IComponentExec
{
    public BackendKind Kind => AwsBackendKind.Value;

    public string Host => options.HostLabel;

    private string ProgramRoot => pulumi.Options.ProgramDirectory;

    /// <summary>Both CLIs are present, pulumi is new enough, and the template maps onto AWS; creates the passphrase file only after that.</summary>
    public async Task PreflightAsync(Stamp stamp, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        if (locate(options.AwsCli) is null)
        {
            throw EcsTaskRunner.AwsCliMissing(options.AwsCli);
        }

        _ = AwsProgramGenerator.Generate(stamp.Template, stamp.Size, options); // refuses a template AWS cannot run, with every reason
        PassphraseFile.Ensure(pulumi.Options.PassphraseFile);
        if (pulumi.Options.BackendUrl.StartsWith("file://", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(new Uri(pulumi.Options.BackendUrl).LocalPath);
        }
    }

    public async Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        var program = AwsProgramGenerator.Generate(stamp.Template, stamp.Size, options);
        var stack = StackNames.ForTenant(stamp.Tenant);
        var current = await Driver(stack).GetOutputsAsync(stack, ct);
        if (current is null)
        {
            return [new PlannedChange(ChangeKind.Create, AwsResourceTypes.Stack, stack, $"missing; every resource of the program generated from {stamp.Template.Ref} (pulumi preview not run)")];
        }

        var changes = new List<PlannedChange> { new(ChangeKind.Replace, AwsResourceTypes.Stack, stack, "pulumi up converges it (pulumi preview not run)") };
        var release = AwsRelease.Of(current, program, stamp.Template);
        if (release.Changed)
        {
            if (release.IsUpgrade)
            {
                var databases = current.Map(AwsOutputNames.Databases);
                changes.AddRange(databases.Select(d => new PlannedChange(
                    ChangeKind.Create, AwsResourceTypes.RdsSnapshot,
                    RdsSnapshotName.Before(stamp.Tenant, d.Key, databases.Count, stamp.Template.Version.ToNormalizedString(), DateTimeOffset.UtcNow),
                    $"of {d.Value} before the migration")));
            }

            changes.AddRange(stamp.Template.Jobs.Where(j => j.Phase == JobPhase.Before).Select(j => new PlannedChange(
                ChangeKind.Run, AwsResourceTypes.EcsTask, StampNames.Job(stamp.Tenant, j.Name), $"{release.Running} -> {stamp.Template.Ref}")));
            var services = current.Map(AwsOutputNames.Services);
            changes.AddRange(program.Images.Select(i => new PlannedChange(
                ChangeKind.Replace, AwsResourceTypes.EcsService, services.GetValueOrDefault(i.Key) ?? StampNames.Container(stamp.Tenant, i.Key), $"image {i.Value}")));
        }

        return changes;
    }

    public async Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct)
    {
        var stack = StackNames.ForTenant(stamp.Tenant);
        var driver = Driver(stack);
        var rollout = new AwsRollout(driver, tasks, options, ProgramRoot, stamp, secrets, context, log);
        var program = AwsProgramGenerator.Generate(stamp.Template, stamp.Size, options);
        await driver.SelectOrCreateStackAsync(stack, ct);
        var current = await driver.GetOutputsAsync(stack, ct);
        if (current is not null)
        {
            // AWS is the truth about what exists: read it back first, so up recreates what was deleted behind Pulumi's back.
            await driver.RefreshAsync(stack, ct);
        }

        // Going back (a rollback): the database is newer than this version's jobs know, and was not restored; the services
        // just return to the previous version. Running the old migration on the new schema could fail or damage it.
        var release = AwsRelease.Of(current, program, stamp.Template);
        var jobs = release.Changed && !context.GoingBack ? stamp.Template.Jobs : [];
        if (jobs.Any(j => j.Phase == JobPhase.Before))
        {
            // Phase 1: everything but the held services (a new tenant's start with no task), then the jobs with the new images.
            log.LogInformation("{Tenant}: running the jobs of {Template} before the services roll (running {Running})", stamp.Tenant, stamp.Template.Ref, release.Running);
            var held = await rollout.UpAsync(AwsProgramGenerator.Generate(stamp.Template, stamp.Size, options, ProgramMode.Hold), ct);
            if (release.IsUpgrade)
            {
                await rollout.SnapshotAsync(held, ct); // the data as it was before the migration (a rollback does not undo it)
            }

            foreach (var job in jobs.Where(j => j.Phase == JobPhase.Before))
            {
                await rollout.RunJobAsync(held, job, ct);
            }
        }

        // Phase 2: every service runs its new task definition; ECS rolls it out with the circuit breaker, pulumi waits for steady state.
        var final = await rollout.UpAsync(program, ct);
        foreach (var job in jobs.Where(j => j.Phase == JobPhase.After))
        {
            await rollout.RunJobAsync(final, job, ct);
        }

        return new ApplyResult(rollout.Changes, new Uri(final.Require(AwsOutputNames.Endpoint)));
    }

    public async Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        var stack = StackNames.ForTenant(tenant);
        var outputs = await Driver(stack).GetOutputsAsync(stack, ct);
        return outputs is null || !outputs.Keys.Contains(AwsOutputNames.Endpoint)
            ? new TenantObservation(tenant, [], [], [])
            : AwsObservation.From(tenant, outputs);
    }

    public async Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        var stack = StackNames.ForTenant(tenant);
        var driver = Driver(stack);
        var outputs = await driver.GetOutputsAsync(stack, ct);
        if (outputs is null)
        {
            return [];
        }

        var snapshots = outputs.Map(AwsOutputNames.FinalSnapshots);
        var summary = await driver.DestroyAsync(stack, null, ct);
        var changes = summary.Changes.Select(e => e.Type == "aws:rds/instance:Instance" && e.Name is { } name
                && name.EndsWith("Database", StringComparison.Ordinal) && snapshots.GetValueOrDefault(name[..^"Database".Length]) is { } snapshot
            ? PulumiChanges.From(e) with { Reason = $"deleted; final snapshot {snapshot} kept" }
            : PulumiChanges.From(e)).ToList();
        if (deleteData)
        {
            await driver.RemoveStackAsync(stack, ct);
            changes.Add(new PlannedChange(ChangeKind.Remove, AwsResourceTypes.Stack, stack, "stack and its config removed"));
        }

        log.LogInformation(
            "{Tenant}: destroyed stack {Stack}; kept final snapshot(s) {Snapshots} and file system {FileSystem}",
            tenant, stack, string.Join(", ", snapshots.Values), outputs[AwsOutputNames.FileSystem] ?? "(none)");
        return changes;
    }

    /// <summary>Runs the command in a one-off task of the component (a database's is its client, with psql's PG* variables set).</summary>
    public async Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct)
    {
        var stack = StackNames.ForTenant(tenant);
        var outputs = await Driver(stack).GetOutputsAsync(stack, ct) ?? throw new ProvisionerException($"tenant {tenant} has no stack on AWS");
        var task = await tasks.RunAsync(outputs, component, command, ct);
        return new CommandResult(task.ExitCode ?? -1, task.Logs, task.Succeeded ? "" : task.StoppedReason ?? "");
    }

    public async Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct)
    {
        var stack = StackNames.ForTenant(tenant);
        var outputs = await Driver(stack).GetOutputsAsync(stack, ct);
        if (outputs?[AwsOutputNames.LogGroup] is not { } group)
        {
            return "";
        }

        var prefix = outputs.Map(AwsOutputNames.Services).ContainsKey(component) ? OneOffTask.ServiceLogPrefix : OneOffTask.LogPrefix;
        try
        {
            var since = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var text = await tasks.AwsAsync(
                ["logs", "filter-log-events", "--log-group-name", group, "--log-stream-name-prefix", $"{prefix}/{component}/",
                 "--start-time", since, "--query", "events[*].message", "--output", "text"],
                outputs, ct);
            return AwsText.Tail(text.Replace('\t', '\n'), tail);
        }
        catch (ProvisionerException e)
        {
            return $"(logs unavailable: {e.Message.Split('\n')[0]})";
        }
    }

    /// <summary>The driver in the tenant's program folder (holding its last program, or a bare project before the first).</summary>
    private PulumiDriver Driver(string stack) => pulumi.In(ProgramWorkspace.Ensure(ProgramRoot, stack));
}
