using System.Globalization;
using Microsoft.Extensions.Logging;
using Provisioner.Aws.Process;
using Provisioner.Aws.Pulumi;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Aws.Backend;

/// <summary>
/// Tenants on AWS, one Pulumi stack each (<c>tenant-&lt;name&gt;</c>) of the program in infra/aws. Apply = config + up;
/// when the app image changes the template's migration runs first as a one-off ECS task, then the service rolls
/// (ECS's circuit breaker rolls a failing rollout back). Observations come from the stack's outputs (no live AWS calls).
/// </summary>
internal sealed class AwsBackend(PulumiDriver pulumi, EcsTaskRunner tasks, AwsBackendOptions options, Func<string, string?> locate, ILogger log)
    : ITenantBackend
{
    public string Kind => "aws";

    public string Host => options.HostLabel;

    /// <summary>Both CLIs are present and pulumi is new enough; creates the passphrase file only after that.</summary>
    public async Task PreflightAsync(Stamp stamp, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        if (locate(options.AwsCli) is null)
        {
            throw EcsTaskRunner.AwsCliMissing(options.AwsCli);
        }

        _ = AwsStackConfig.For(stamp, TenantSecrets.Empty.WithGenerated(stamp.Template.Secrets), options, "-", "-", 0); // validates size and entry
        SyncProgram();
        PassphraseFile.Ensure(pulumi.Options.PassphraseFile);
        if (pulumi.Options.BackendUrl.StartsWith("file://", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(new Uri(pulumi.Options.BackendUrl).LocalPath);
        }
    }

    public async Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        SyncProgram();
        var stack = StackNames.ForTenant(stamp.Tenant);
        var image = AwsStackConfig.Image(stamp.Template, stamp.Template.Entry!.Name, options);
        var current = await pulumi.GetOutputsAsync(stack, ct);
        if (current is null)
        {
            return [new PlannedChange(ChangeKind.Create, "pulumi stack", stack, "missing; every resource of infra/aws/Pulumi.yaml (pulumi preview not run)")];
        }

        var changes = new List<PlannedChange> { new(ChangeKind.Replace, "pulumi stack", stack, "pulumi up converges it (pulumi preview not run)") };
        if (current["image"] != image)
        {
            changes.Add(new PlannedChange(ChangeKind.Create, "rds snapshot", RdsSnapshotName.Before(stamp.Tenant, stamp.Template.Version.ToNormalizedString(), DateTimeOffset.UtcNow),
                $"of {current["dbIdentifier"] ?? "the database"} before the migration"));
            changes.Add(new PlannedChange(ChangeKind.Run, "ecs task", $"t-{stamp.Tenant}-migrate", $"image {current["image"]} -> {image}"));
            changes.Add(new PlannedChange(ChangeKind.Replace, "ecs service", current["service"] ?? $"t-{stamp.Tenant}-app", $"image {current["image"]} -> {image}"));
        }

        return changes;
    }

    public async Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct)
    {
        var stack = StackNames.ForTenant(stamp.Tenant);
        var image = AwsStackConfig.Image(stamp.Template, stamp.Template.Entry!.Name, options);
        var changes = new List<PlannedChange>();
        await pulumi.SelectOrCreateStackAsync(stack, ct);
        var current = await pulumi.GetOutputsAsync(stack, ct);
        if (current is not null)
        {
            // AWS is the truth about what exists: read it back first, so up recreates what was deleted behind Pulumi's back.
            await pulumi.RefreshAsync(stack, ct);
        }

        var running = current?["image"] is { Length: > 0 } i ? i : null;
        var count = current?["appCount"] is { } c && int.TryParse(c, CultureInfo.InvariantCulture, out var n) ? n : 0;
        // Going back (a rollback): the database is newer than this version's migration knows, and was not restored; the
        // service just returns to the previous image. Running the old migration on the new schema could fail or damage it.
        if (!context.GoingBack && stamp.Template.Migrate is { } migrate && (running != image || count == 0))
        {
            // Phase 1: everything but the service's image (a new tenant's service stays at 0 tasks), then migrate with the new image.
            // A service still at 0 tasks means the first migration never finished (an interrupted run): it runs again.
            log.LogInformation("{Tenant}: migrating to {Image} before the service rolls (running {Running})", stamp.Tenant, image, running ?? "nothing");
            await UpAsync(stamp, secrets, running ?? image, image, running is null ? 0 : count, context, changes, ct);
            var outputs = await pulumi.GetOutputsAsync(stack, ct) ?? throw new ProvisionerException($"stack {stack} has no outputs after up");
            if (running is not null && running != image)
            {
                // An upgrade: the data as it was before the migration, kept in RDS (a rollback does not undo the migration).
                await SnapshotAsync(stamp, outputs, context, changes, ct);
            }

            await MigrateAsync(stamp, outputs, migrate.Command, context, changes, ct);
        }

        // Phase 2: the service runs the new image; ECS rolls it out with the circuit breaker, pulumi waits for steady state.
        await UpAsync(stamp, secrets, image, image, 1, context, changes, ct);
        var final = await pulumi.GetOutputsAsync(stack, ct) ?? throw new ProvisionerException($"stack {stack} has no outputs after up");
        return new ApplyResult(changes, new Uri(final.Require("endpoint")));
    }

    private async Task UpAsync(
        Stamp stamp, TenantSecrets secrets, string image, string migrateImage, int appCount, ApplyContext context, List<PlannedChange> changes, CancellationToken ct)
    {
        var stack = StackNames.ForTenant(stamp.Tenant);
        await pulumi.SetConfigAsync(stack, AwsStackConfig.For(stamp, secrets, options, image, migrateImage, appCount), ct);
        var started = new HashSet<PlannedChange>();
        var summary = await pulumi.UpAsync(stack, async e =>
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
        changes.AddRange(summary.Changes.Select(PulumiChanges.From));
        log.LogInformation("{Tenant}: pulumi up on {Stack} changed {Count} resource(s)", stamp.Tenant, stack, summary.Changes.Count);
    }

    private async Task SnapshotAsync(Stamp stamp, StackOutputs outputs, ApplyContext context, List<PlannedChange> changes, CancellationToken ct)
    {
        var db = outputs.Require("dbIdentifier");
        var id = RdsSnapshotName.Before(stamp.Tenant, stamp.Template.Version.ToNormalizedString(), DateTimeOffset.UtcNow);
        var change = new PlannedChange(ChangeKind.Create, "rds snapshot", id, $"of {db} before the {stamp.Template.Ref} migration; restore it to undo the migration");
        await context.BeforeChange(change);
        await tasks.AwsAsync(["rds", "create-db-snapshot", "--db-instance-identifier", db, "--db-snapshot-identifier", id], outputs, ct);
        await tasks.AwsAsync(["rds", "wait", "db-snapshot-available", "--db-snapshot-identifier", id], outputs, ct);
        await context.AfterChange(change);
        changes.Add(change);
        log.LogInformation("{Tenant}: RDS snapshot {Snapshot} of {Db} taken before the migration", stamp.Tenant, id, db);
    }

    private async Task MigrateAsync(
        Stamp stamp, StackOutputs outputs, IReadOnlyList<string> command, ApplyContext context, List<PlannedChange> changes, CancellationToken ct)
    {
        var change = new PlannedChange(ChangeKind.Run, "ecs task", $"t-{stamp.Tenant}-migrate", $"{stamp.Template.Ref} migration");
        await context.BeforeChange(change);
        var task = await tasks.RunAsync(outputs, command, ct);
        if (!task.Succeeded)
        {
            throw new ProvisionerException(
                $"the {stamp.Template.Ref} migration failed on AWS (exit code {task.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {task.StoppedReason}); the service still runs its previous image. Last log lines:\n{Tail(task.Logs, 20)}");
        }

        await context.AfterChange(change);
        changes.Add(change);
    }

    public async Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        SyncProgram();
        var outputs = await pulumi.GetOutputsAsync(StackNames.ForTenant(tenant), ct);
        return outputs is null || !outputs.Keys.Contains("endpoint")
            ? new TenantObservation(tenant, [], [], [])
            : AwsObservation.From(tenant, outputs);
    }

    public async Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct)
    {
        await pulumi.CheckVersionAsync(ct);
        SyncProgram();
        var stack = StackNames.ForTenant(tenant);
        var outputs = await pulumi.GetOutputsAsync(stack, ct);
        if (outputs is null)
        {
            return [];
        }

        var summary = await pulumi.DestroyAsync(stack, null, ct);
        var changes = summary.Changes.Select(e => e.Type == "aws:rds/instance:Instance"
            ? PulumiChanges.From(e) with { Reason = $"deleted; final snapshot {outputs["finalSnapshot"]} kept" }
            : PulumiChanges.From(e)).ToList();
        if (deleteData)
        {
            await pulumi.RemoveStackAsync(stack, ct);
            changes.Add(new PlannedChange(ChangeKind.Remove, "pulumi stack", stack, "stack and its config removed"));
        }

        log.LogInformation("{Tenant}: destroyed stack {Stack}; final snapshot {Snapshot} and bucket {Bucket} kept", tenant, stack, outputs["finalSnapshot"], outputs["bucket"]);
        return changes;
    }

    /// <summary>Runs the command in a one-off task of the migrate task definition (the app image, database variables set).</summary>
    public async Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct)
    {
        var outputs = await pulumi.GetOutputsAsync(StackNames.ForTenant(tenant), ct)
            ?? throw new ProvisionerException($"tenant {tenant} has no stack on AWS");
        var task = await tasks.RunAsync(outputs, command, ct);
        return new CommandResult(task.ExitCode ?? -1, task.Logs, task.Succeeded ? "" : task.StoppedReason ?? "");
    }

    public async Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct)
    {
        var outputs = await pulumi.GetOutputsAsync(StackNames.ForTenant(tenant), ct);
        if (outputs?["logGroup"] is not { } group)
        {
            return "";
        }

        try
        {
            var since = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var text = await tasks.AwsAsync(
                ["logs", "filter-log-events", "--log-group-name", group, "--log-stream-name-prefix", component == "db" ? "migrate" : "app",
                 "--start-time", since, "--query", "events[*].message", "--output", "text"],
                outputs, ct);
            return Tail(text.Replace('\t', '\n'), tail);
        }
        catch (ProvisionerException e)
        {
            return $"(logs unavailable: {e.Message.Split('\n')[0]})";
        }
    }

    private void SyncProgram()
    {
        if (options.ProgramSource is { } source)
        {
            ProgramWorkspace.Sync(source, pulumi.Options.ProgramDirectory);
        }
    }

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
