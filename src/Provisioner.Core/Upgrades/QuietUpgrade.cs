using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// The forward half of a quiet upgrade, for a migration the new version marks as compatible with the running one
/// (<c>compatibleWith:</c>): the backup was taken online, the migration runs while the old version serves, then the new
/// version starts beside the old one, answers its readiness inside its container, takes over (behind the edge: its
/// route, no request dropped) and passes the gate and the monitor window; the old containers are retired last. Without
/// a gap-free switch the new version replaces the old in place (down only for that swap). A failure switches back to
/// the old version without a restore (the migrated schema keeps it working); only if that fails too is the backup restored.
/// </summary>
internal sealed class QuietUpgrade(
    ITenantRegistry registry,
    ITenantBackend backend,
    TenantData data,
    HealthGate health,
    UpgradeForward forward,
    UpgradeRollback rollback,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger log)
{
    private readonly StampApplier _applier = new(backend, registry.Journal, health, options.FailureLogLines, log);

    /// <summary>Why an upgrade from <paramref name="previous"/> to <paramref name="next"/> takes the stop path here; null when it can be quiet.</summary>
    public static string? WhyNot(ProductTemplate previous, ProductTemplate next, TenantData data, ITenantBackend backend)
    {
        var migrations = next.Jobs.Where(j => j.Phase == JobPhase.Before).ToList();
        if (migrations.Count == 0)
        {
            return $"{next.Ref} has no migration marked compatible with {previous.Version}";
        }

        if (migrations.FirstOrDefault(j => !j.CompatibleWith.Contains(previous.Version)) is { } breaking)
        {
            return $"its migration '{breaking.Name}' is not marked compatible with {previous.Version} (compatibleWith)";
        }

        var files = previous.DataComponents.Where(c => !data.Adapters.For(c.Data!).ServesData).Select(c => c.Name).ToList();
        if (files.Count > 0)
        {
            return $"{string.Join(", ", files)} hold files, which are copied with their writers stopped";
        }

        return backend is IQuietSwitch ? null : $"the {backend.Kind} backend has no quiet upgrade";
    }

    /// <summary>
    /// The backup with everything serving (each copy one snapshot, checked to load whole: see
    /// <see cref="IDataAdapter.BackupWhileServingAsync"/>); null when it failed: the caller stops the writers and takes it again.
    /// </summary>
    public async Task<string?> BackupOnlineAsync(TenantRecord tenant, ProductTemplate previous, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var folder = UpgradeBackups.Folder(settings.BackupRoot, tenant.Name, operation, previous);
        var step = await registry.Journal.StepAsync(operation, UpgradeJournalNames.BackupStep, folder, ct);
        try
        {
            progress?.Report($"{tenant.Name}: backing up while {previous.Version} serves");
            var set = await data.BackupAsync(tenant.Name, previous, folder, progress, ct, whileServing: true);
            await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, ct); // the step's detail stays the folder: a settle reads it there
            log.LogInformation("{Tenant}: online backup {Backup} ({Bytes} bytes) verified", tenant.Name, folder, set.Bytes);
            return folder;
        }
        catch (Errors.ProvisionerException e) when (e is not CapabilityMissingException)
        {
            UpgradeBackups.DeleteUnfinished(folder);
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, $"online copy failed: {e.Message}", CancellationToken.None);
            progress?.Report($"{tenant.Name}: the online copy failed ({e.Message}); taking it again with the writers stopped");
            return null;
        }
    }

    /// <summary>Migrates, switches, gates; on failure switches back. Ends Upgraded, RolledBack or NeedsAttention.</summary>
    public async Task<QuietUpgradeEnd> RunAsync(
        TenantRecord tenant, ProductTemplate previous, Stamp stamp, TenantSecrets secrets, string backup, UpgradeSettings settings, long operation,
        IProgress<string>? progress, CancellationToken ct)
    {
        var quiet = (IQuietSwitch)backend;
        var name = tenant.Name;
        var next = stamp.Template;
        var servers = data.Servers(next);
        var components = stamp.Containers.Select(c => c.Component).Where(c => !servers.Contains(c)).ToList();
        var gapFree = quiet.SwitchesWithoutGap(stamp);
        var path = gapFree ? UpgradePaths.Quiet : UpgradePaths.InPlace;
        progress?.Report($"{name}: quiet upgrade: {previous.Version} keeps serving while {next.Ref} migrates{(gapFree ? " and starts beside it" : "")}");
        try
        {
            await _applier.RunMigrationAsync(quiet, stamp, secrets, operation, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A migration that failed part-way: the schema is not what either version was tested on; restore it.
            var (reason, check, logs) = UpgradeForward.Describe(e, ct);
            return await RestoreAsync(tenant, previous, secrets, backup, operation, reason, check, logs, path, progress);
        }

        if (!gapFree)
        {
            // In place: the old version served through the backup and the migration; it is down only while it is replaced.
            var swapped = time.GetTimestamp();
            TimeSpan? downtime = null;
            var failure = await forward.RunAsync(name, stamp, secrets, settings, operation, progress, ct, () => downtime = time.GetElapsedTime(swapped));
            return failure is null
                ? await UpgradedAsync(tenant, stamp, operation, downtime ?? time.GetElapsedTime(swapped), path)
                : await BackAsync(tenant, previous, secrets, backup, operation, failure.Value, inPlace: true, time.GetElapsedTime(swapped), path, progress);
        }

        try
        {
            progress?.Report($"{name}: starting {next.Ref} beside {previous.Version}: {string.Join(", ", components)}");
            await registry.Journal.RunStepAsync(operation, "beside", string.Join(", ", components),
                () => quiet.StartBesideAsync(stamp, components, secrets, health.Options.Deadline, progress, ct), ct);
            progress?.Report($"{name}: switching to {next.Ref}");
            await registry.Journal.RunStepAsync(operation, "switch", string.Join(", ", components), () => quiet.SwitchAsync(name, components, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return await BackAsync(tenant, previous, secrets, backup, operation, UpgradeForward.Describe(e, ct), inPlace: false, TimeSpan.Zero, path, progress);
        }

        var gate = await GateAsync(name, stamp, settings, operation, progress, ct);
        if (gate is not null)
        {
            return await BackAsync(tenant, previous, secrets, backup, operation, gate.Value, inPlace: false, TimeSpan.Zero, path, progress);
        }

        progress?.Report($"{name}: retiring {previous.Version}'s {string.Join(", ", components)}");
        await registry.Journal.RunStepAsync(operation, "retire", $"{previous.Version}'s {string.Join(", ", components)}", () => quiet.RetireOldAsync(name, components, ct), ct);
        return await UpgradedAsync(tenant, stamp, operation, TimeSpan.Zero, path);
    }

    private async Task<(string Reason, string? Check, string? Logs)?> GateAsync(string name, Stamp stamp, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        try
        {
            return await forward.GateAsync(name, stamp, stamp.Endpoint, settings, operation, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return UpgradeForward.Describe(e, ct);
        }
    }

    private async Task<QuietUpgradeEnd> UpgradedAsync(
        TenantRecord tenant, Stamp stamp, long operation, TimeSpan downtime, string path)
    {
        var done = tenant with { Version = stamp.Template.Version.ToNormalizedString(), Status = TenantStatus.Active, LastError = null, UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(done, CancellationToken.None);
        await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
        log.LogInformation("{Tenant} upgraded quietly to {To}; down {DowntimeMs} ms", tenant.Name, stamp.Template.Ref, downtime.TotalMilliseconds);
        return new QuietUpgradeEnd(UpgradeOutcome.Upgraded, null, null, null, downtime, DatabaseRestored: true, path);
    }

    /// <summary>
    /// Back to the previous version without a restore: beside the edge its containers never stopped (switched back to);
    /// in place its stamp is applied again (its migration finds the newer, compatible schema and does nothing). Then its
    /// gate; a failure there restores the backup.
    /// </summary>
    private async Task<QuietUpgradeEnd> BackAsync(
        TenantRecord tenant, ProductTemplate previous, TenantSecrets secrets, string backup, long operation, (string Reason, string? Check, string? Logs) failure,
        bool inPlace, TimeSpan downSoFar, string path, IProgress<string>? progress)
    {
        var ct = CancellationToken.None; // going back runs to the end
        var name = tenant.Name;
        var started = time.GetTimestamp();
        progress?.Report($"{name}: switching back to {previous.Ref} (no restore: the migration is compatible with it): {failure.Reason}");
        var logs = failure.Logs;
        var step = await registry.Journal.StepAsync(operation, UpgradeJournalNames.RollbackStep, $"switch back to {previous.Ref}, no restore", ct);
        try
        {
            var stamp = StampBuilder.Build(previous, tenant, options);
            if (inPlace)
            {
                await _applier.ApplyAsync(stamp, secrets, operation, progress, ct);
            }
            else
            {
                var servers = data.Servers(previous);
                await ((IQuietSwitch)backend).SwitchBackAsync(name, [.. stamp.Containers.Select(c => c.Component).Where(c => !servers.Contains(c))], ct);
            }

            var report = await health.WaitHealthyAsync(new ProbeTarget(name, previous, stamp.Endpoint, backend), previous.AllChecks, ct);
            if (!report.Passed)
            {
                throw new Errors.ProvisionerException($"{previous.Ref} is not healthy after switching back: {report.Failure}");
            }
        }
        catch (Exception e)
        {
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, e.Message, ct);
            log.LogWarning("{Tenant}: switching back failed ({Error}); restoring the backup", name, e.Message);
            return await RestoreAsync(tenant, previous, secrets, backup, operation, failure.Reason, failure.Check, logs, path, progress);
        }

        await rollback.EndRolledBackAsync(tenant, previous, step, operation, failure.Reason);
        log.LogWarning("{Tenant} switched back to {Template} (database not restored: its migration is compatible)", name, previous.Ref);
        var down = inPlace ? downSoFar + time.GetElapsedTime(started) : TimeSpan.Zero;
        return new QuietUpgradeEnd(UpgradeOutcome.RolledBack, failure.Reason, failure.Check, logs, down, DatabaseRestored: false, path);
    }

    private async Task<QuietUpgradeEnd> RestoreAsync(
        TenantRecord tenant, ProductTemplate previous, TenantSecrets secrets, string backup, long operation, string reason, string? check, string? logs,
        string path, IProgress<string>? progress)
    {
        var started = time.GetTimestamp();
        var after = await rollback.RollbackAsync(tenant, previous, secrets, backup, operation, reason, progress, CancellationToken.None);
        var rolledBack = after.Status == TenantStatus.RolledBack;
        return new QuietUpgradeEnd(rolledBack ? UpgradeOutcome.RolledBack : UpgradeOutcome.NeedsAttention, rolledBack ? reason : after.LastError, check, logs,
            rolledBack ? time.GetElapsedTime(started) : null, DatabaseRestored: true, path);
    }
}
