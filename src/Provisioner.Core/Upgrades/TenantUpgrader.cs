using Microsoft.Extensions.Logging;
using NuGet.Versioning;
using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Logging;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// One tenant's upgrade as one journaled operation: preflight → writers stopped → verified backup of every data component →
/// apply the new stamp (its 'before' jobs, the migration, run first) → health gate → monitor window. Any failure after the
/// backup rolls back with every data component restored. Works on any backend that can stop a component
/// (<see cref="IComponentControl"/>) and whose data kinds have adapters.
/// </summary>
internal sealed class TenantUpgrader(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    ITenantBackend backend,
    ISecretProtector protector,
    TenantData data,
    HealthGate health,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger<TenantUpgrader> log) : ITenantUpgrade
{
    private readonly StampApplier _applier = new(backend, registry.Journal, health, options.FailureLogLines, log);

    private readonly UpgradeForward _forward = new(backend, registry.Journal, health, options.FailureLogLines, time);

    private readonly UpgradeRollback _rollback = new(registry, backend, data, health, options, time, log);

    private QuietUpgrade Quiet => new(registry, backend, data, health, _forward, _rollback, options, time, log);

    private UpgradeSettler Settler => new(templates, registry, backend, protector, health, _rollback, options, time, log);

    public IReadOnlyDictionary<BackendKind, IReadOnlyList<string>> Steps(UpgradeSettings settings) => new Dictionary<BackendKind, IReadOnlyList<string>>
    {
        [backend.Kind] =
        [
            $"preflight: target template and images present, free disk >= {settings.DiskFactor:0.#} x the data",
            "stop: every component that writes (all but those serving the data)",
            "backup: each data component through its adapter to <backups>/<tenant>/upgrade-<op>-<product>-<version>/, verified",
            "before-jobs (the migration) with the new image, then the components on the new version",
            $"health gate, then a monitor window of {settings.MonitorWindow.TotalSeconds:0.#} s",
            "on failure after the backup: restore every data component, start the previous version, health-check it",
            "(a migration marked compatible with the running version, on a backend that can: nothing stopped; backup online, migration while it serves, "
                + "the new version beside it and switched to at the edge, or swapped in place without one; a failure switches back without a restore)",
        ],
    };

    /// <summary>The templates, the backend, and whether the tenant has a port of its own (then it is not behind the edge).</summary>
    public object PlannedPathKey(TenantRecord tenant, NuGetVersion to) => (tenant.Backend, tenant.TemplateRef, to, tenant.HostPort is not null);

    public string? PlannedPath(TenantRecord tenant, NuGetVersion to)
    {
        try
        {
            var previous = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
            var next = templates.Resolve(new TemplateRef(tenant.Product, to));
            if (data.Incompatibility(previous, next) is not null || Edge.LeavingTheEdge.WhyNot(tenant, previous, options) is not null)
            {
                return null; // refused when it runs, with the reason
            }

            if (QuietUpgrade.WhyNot(previous, next, data, backend) is not null)
            {
                return UpgradePaths.StopMigrate;
            }

            return ((IQuietSwitch)backend).SwitchesWithoutGap(StampBuilder.Build(next, tenant, options)) ? UpgradePaths.Quiet : UpgradePaths.InPlace;
        }
        catch (Errors.ProvisionerException)
        {
            return null; // a template that is gone or broken: the upgrade itself reports it
        }
    }

    public async Task<TenantUpgradeResult> UpgradeAsync(
        string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        using var held = locks.Acquire($"tenant {name}", "upgrade");
        using var scope = log.BeginScope(LogScopes.ForTenant(name, backend.Kind));
        var tenant = await registry.RequireAsync(name, ct);
        var target = to.ToNormalizedString();
        string? path = null;
        TenantUpgradeResult Result(string outcome, string? reason, string? check = null, string? logs = null, string? backup = null, string? from = null, TimeSpan? downtime = null) =>
            new(name, from ?? tenant.Version, target, outcome, reason, check, logs, backup, time.GetElapsedTime(start)) { Downtime = downtime, Path = path };

        // Before anything is settled or changed: behind the edge, with the edge off for this run, nothing can be reached.
        if (WhyNotWithoutTheEdge(tenant) is { } leaving)
        {
            return Result(UpgradeOutcome.Failed, $"{leaving}: nothing was changed ({Edge.LeavingTheEdge.Hint(name)})");
        }

        tenant = await Settler.SettleAsync(tenant, settings.RetryNeedsAttention, progress, ct);

        if (UpgradeGate.Check(tenant, target) is { } refused)
        {
            return Result(refused.Outcome, refused.Reason);
        }

        var previous = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        var next = templates.Resolve(new TemplateRef(tenant.Product, to));
        if (data.Incompatibility(previous, next) is { } incompatible)
        {
            return Result(UpgradeOutcome.Failed, incompatible);
        }

        var control = backend as IComponentControl;
        if (control is null)
        {
            return Result(UpgradeOutcome.Failed, $"the {backend.Kind} backend cannot stop a component, which an upgrade with a backup needs");
        }

        var notQuiet = QuietUpgrade.WhyNot(previous, next, data, backend);
        var secrets = TenantSecrets.Open(protector, tenant.EncryptedSecrets, tenant.Name).WithGenerated(next.Secrets);
        var stamp = StampBuilder.Build(next, tenant, options);
        var operation = await registry.Journal.BeginAsync(name, UpgradeJournalNames.Operation, UpgradeJournalNames.Detail(previous.Ref, next.Ref, fleetTag), ct);
        using var opScope = log.BeginScope(LogScopes.ForOperation(operation));
        log.LogInformation("Upgrading {Tenant} from {From} to {To}", name, previous.Ref, next.Ref);

        string? backup = null;
        long? stopped = null;
        TimeSpan? Down() => stopped is { } at ? time.GetElapsedTime(at) : null;
        try
        {
            await PreflightAsync(tenant, stamp, previous, settings, operation, progress, ct);
            tenant = tenant with { Status = TenantStatus.Upgrading, EncryptedSecrets = secrets.Seal(protector, tenant.Name), UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(tenant, ct);
            if (notQuiet is null)
            {
                backup = await Quiet.BackupOnlineAsync(tenant, previous, settings, operation, progress, ct);
            }
            else
            {
                log.LogInformation("{Tenant}: writers stop for this upgrade: {Why}", name, notQuiet);
            }
        }
        catch (Exception e)
        {
            return await NothingChangedAsync(e);
        }

        if (backup is not null)
        {
            var end = await Quiet.RunAsync(tenant, previous, stamp, secrets, backup, settings, operation, progress, ct);
            path = end.Path;
            return Result(end.Outcome, end.Reason, end.FailingCheck, end.LogTail, backup, downtime: end.Downtime) with { DatabaseRestored = end.DatabaseRestored };
        }

        path = UpgradePaths.StopMigrate;
        try
        {
            // No writes during the copy: the backup is consistent and verifiable, and no write is lost to a rollback
            // except those the new version takes during its health gate and monitor window.
            var writers = data.Writers(previous);
            progress?.Report($"{name}: stopping {string.Join(", ", writers)} for the backup");
            stopped = time.GetTimestamp();
            foreach (var writer in writers)
            {
                await control.StopComponentAsync(name, writer, ct);
            }

            backup = await BackupAsync(tenant, previous, settings, operation, progress, ct);
        }
        catch (Exception e)
        {
            return await NothingChangedAsync(e);
        }

        // Until the backup is complete nothing has changed but a stopped app: a failure here starts it again.
        async Task<TenantUpgradeResult> NothingChangedAsync(Exception e)
        {
            var restarted = await RestartPreviousAsync(tenant, previous, secrets, operation, progress);
            await registry.SaveAsync(tenant with { Status = restarted ? TenantStatus.Active : TenantStatus.Failed, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            var cancelled = e is OperationCanceledException && ct.IsCancellationRequested;
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, cancelled ? UpgradeJournalNames.Cancelled : e.Message, CancellationToken.None);
            if (cancelled)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
            }

            return Result(UpgradeOutcome.Failed, e.Message + (restarted ? "" : $"; and {previous.Ref} did not come back: run `provision tenant {name}`"), downtime: restarted ? Down() : null);
        }

        TimeSpan? downtime = null;
        var failure = await _forward.RunAsync(name, stamp, secrets, settings, operation, progress, ct, () => downtime = Down());
        if (failure is null)
        {
            var done = tenant with { Version = target, Status = TenantStatus.Active, LastError = null, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(done, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
            log.LogInformation("{Tenant} upgraded to {To}", name, next.Ref);
            UpgradeBackups.Prune(Path.GetDirectoryName(backup)!, settings.KeepBackups, log);
            log.LogInformation("{Tenant} was down {DowntimeMs} ms (writers stopped until the health gate passed)", name, downtime?.TotalMilliseconds);
            return Result(UpgradeOutcome.Upgraded, null, backup: backup, downtime: downtime);
        }

        // The logs of the component whose check failed (worker:running, web:http /readyz), else the entry's.
        var failed = failure.Value.Check?.Split(':')[0] is { } c && next.Components.Any(x => x.Name == c) ? c : previous.Entry?.Name;
        var logs = failure.Value.Logs ?? (failed is null ? null : await SafeLogsAsync(name, failed));
        var after = await _rollback.RollbackAsync(tenant, previous, secrets, backup, operation, failure.Value.Reason, progress, CancellationToken.None);
        var outcome = after.Status == TenantStatus.RolledBack ? UpgradeOutcome.RolledBack : UpgradeOutcome.NeedsAttention;
        var reason = outcome == UpgradeOutcome.RolledBack ? failure.Value.Reason : after.LastError;
        return Result(outcome, reason, failure.Value.Check, logs, backup, downtime: outcome == UpgradeOutcome.RolledBack ? Down() : null);
    }

    /// <summary>
    /// Brings one tenant left mid-upgrade to a consistent state (untouched or rolled back); with
    /// <paramref name="retryNeedsAttention"/>, also retries a failed rollback (a person asked for it by name).
    /// </summary>
    public async Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct)
    {
        using var held = locks.Acquire($"tenant {name}", "upgrade --resume");
        var tenant = await registry.RequireAsync(name, ct);
        if (WhyNotWithoutTheEdge(tenant) is { } leaving)
        {
            throw new BadInputException(leaving, Edge.LeavingTheEdge.Hint(name));
        }

        return await Settler.SettleAsync(tenant, retryNeedsAttention, progress, ct);
    }

    /// <summary>Why <paramref name="tenant"/> (at its recorded version) cannot be touched with these options; null when it can.</summary>
    private string? WhyNotWithoutTheEdge(TenantRecord tenant)
    {
        try
        {
            return Edge.LeavingTheEdge.WhyNot(tenant, templates.Resolve(TemplateRef.Parse(tenant.TemplateRef)), options);
        }
        catch (ProvisionerException)
        {
            return null; // a template that is gone or broken: the upgrade itself reports it
        }
    }

    private async Task PreflightAsync(TenantRecord tenant, Stamp stamp, ProductTemplate previous, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        progress?.Report($"{tenant.Name}: preflight for {stamp.Template.Ref}");
        var step = await registry.Journal.StepAsync(operation, "preflight", "images, disk for the backup", ct);
        try
        {
            await PreflightChecksAsync(tenant, stamp, previous, settings, step, ct);
        }
        catch (Exception e)
        {
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
    }

    private async Task PreflightChecksAsync(TenantRecord tenant, Stamp stamp, ProductTemplate previous, UpgradeSettings settings, long step, CancellationToken ct)
    {
        await backend.PreflightAsync(stamp, ct);
        var size = await data.SizeAsync(tenant.Name, previous, ct);
        var folder = Path.Combine(settings.BackupRoot, tenant.Name);
        OwnerOnlyFiles.CreateFolder(folder);
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (free < settings.DiskFactor * size)
        {
            throw new ProvisionerException(
                $"not enough free disk for the backup: {free / 1048576} MiB free under {folder}, {settings.DiskFactor:0.#} x the data ({size / 1048576} MiB) needed",
                ExitCodes.CapacityNo, "free disk space or move PROVISIONER_HOME");
        }

        await registry.Journal.EndStepAsync(step, JournalStatus.Done, $"data {size} bytes, {free} bytes free", ct);
    }

    private async Task<string> BackupAsync(TenantRecord tenant, ProductTemplate previous, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var folder = UpgradeBackups.Folder(settings.BackupRoot, tenant.Name, operation, previous);
        var step = await registry.Journal.StepAsync(operation, UpgradeJournalNames.BackupStep, folder, ct);
        try
        {
            var set = await data.BackupAsync(tenant.Name, previous, folder, progress, ct);
            await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, ct);
            log.LogInformation("{Tenant}: backup {Backup} ({Bytes} bytes, {Components} data component(s)) verified", tenant.Name, folder, set.Bytes, set.Entries.Count);
            return folder;
        }
        catch (Exception e)
        {
            UpgradeBackups.DeleteUnfinished(folder);
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>After a failure before the backup was complete: the previous version's stamp again (starts the stopped app).</summary>
    private async Task<bool> RestartPreviousAsync(TenantRecord tenant, ProductTemplate previous, TenantSecrets secrets, long operation, IProgress<string>? progress)
    {
        try
        {
            var stamp = StampBuilder.Build(previous, tenant, options);
            await _applier.ApplyAsync(stamp, secrets, operation, progress, CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            log.LogError("{Tenant}: could not start {Template} again: {Error}", tenant.Name, previous.Ref, e.Message);
            return false;
        }
    }

    private async Task<string?> SafeLogsAsync(string tenant, string component)
    {
        try
        {
            return (await backend.GetLogsAsync(tenant, component, options.FailureLogLines, CancellationToken.None)).TrimEnd();
        }
        catch (Exception)
        {
            return null;
        }
    }
}
