using Microsoft.Extensions.Logging;
using NuGet.Versioning;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// One tenant's upgrade as one journaled operation: preflight → verified backup → apply the new stamp (its migration job
/// runs first) → health gate → monitor window. Any failure after the backup rolls back with the database restored.
/// </summary>
public sealed class TenantUpgrader(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    ITenantBackend backend,
    ISecretProtector protector,
    IDatabaseBackups backups,
    HealthGate health,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger<TenantUpgrader> log) : ITenantUpgrade
{
    private readonly StampApplier _applier = new(backend, registry.Journal, health, options.FailureLogLines);

    private readonly UpgradeForward _forward = new(backend, registry.Journal, health, options.FailureLogLines, time);

    private readonly UpgradeRollback _rollback = new(registry, backend, backups, health, options, time, log);

    private UpgradeSettler Settler => new(templates, registry, backend, protector, health, _rollback, options, time, log);

    public IReadOnlyCollection<string> Backends => [backend.Kind];

    public async Task<TenantUpgradeResult> UpgradeAsync(
        string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        using var held = locks.Acquire($"tenant {name}", "upgrade");
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Tenant"] = name });
        var tenant = await registry.RequireAsync(name, ct);
        tenant = await Settler.SettleAsync(tenant, settings.RetryNeedsAttention, progress, ct);
        var target = to.ToNormalizedString();
        TenantUpgradeResult Result(string outcome, string? reason, string? check = null, string? logs = null, string? backup = null, string? from = null) =>
            new(name, from ?? tenant.Version, target, outcome, reason, check, logs, backup, time.GetElapsedTime(start));

        if (UpgradeGate.Check(tenant, target) is { } refused)
        {
            return Result(refused.Outcome, refused.Reason);
        }

        var previous = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        var next = templates.Resolve(new TemplateRef(tenant.Product, to));
        var db = DatabaseTarget.For(previous);
        if (db is null || DatabaseTarget.For(next) != db)
        {
            return Result(UpgradeOutcome.Failed, $"{previous.Ref} -> {next.Ref}: both versions need the same SQL-checked database to back up (found {db?.ToString() ?? "none"})");
        }

        if (previous.Component(db.Component).Image != next.Component(db.Component).Image)
        {
            return Result(UpgradeOutcome.Failed,
                $"{previous.Ref} -> {next.Ref} changes the database image ({previous.Component(db.Component).Image} -> {next.Component(db.Component).Image}); " +
                "a database engine upgrade needs a dump and restore into the new engine, which `provision upgrade` does not do");
        }

        var secrets = TenantSecrets.Open(protector, tenant.EncryptedSecrets).WithGenerated(next.Secrets);
        var stamp = StampBuilder.Build(next, tenant, options.PublishAddress);
        var operation = await registry.Journal.BeginAsync(name, UpgradeJournalNames.Operation, UpgradeJournalNames.Detail(previous.Ref, next.Ref, fleetTag), ct);
        log.LogInformation("Upgrading {Tenant} from {From} to {To}", name, previous.Ref, next.Ref);

        // Until the backup is complete nothing has changed but a stopped app: a failure here starts it again.
        string backup;
        try
        {
            await PreflightAsync(tenant, stamp, db, settings, operation, progress, ct);
            tenant = tenant with { Status = TenantStatus.Upgrading, EncryptedSecrets = protector.Protect(secrets.Serialize()), UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(tenant, ct);
            if (previous.Entry is { } app)
            {
                // No writes during the dump: the backup is consistent and verifiable, and no write is lost to a rollback
                // except those the new version takes during its health gate and monitor window.
                progress?.Report($"{name}: stopping {app.Name} for the backup");
                await backend.StopComponentAsync(name, app.Name, ct);
            }

            backup = await BackupAsync(tenant, previous, db, settings, operation, progress, ct);
        }
        catch (Exception e)
        {
            var restarted = await RestartPreviousAsync(tenant, previous, secrets, operation, progress);
            await registry.SaveAsync(tenant with { Status = restarted ? TenantStatus.Active : TenantStatus.Failed, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            var cancelled = e is OperationCanceledException && ct.IsCancellationRequested;
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, cancelled ? UpgradeJournalNames.Cancelled : e.Message, CancellationToken.None);
            if (cancelled)
            {
                throw;
            }

            return Result(UpgradeOutcome.Failed, e.Message + (restarted ? "" : $"; and {previous.Ref} did not come back: run `provision tenant {name}`"));
        }

        var failure = await _forward.RunAsync(name, stamp, secrets, settings, operation, progress, ct);
        if (failure is null)
        {
            var done = tenant with { Version = target, Status = TenantStatus.Active, LastError = null, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(done, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
            log.LogInformation("{Tenant} upgraded to {To}", name, next.Ref);
            PruneBackups(Path.GetDirectoryName(backup)!, settings.KeepBackups);
            return Result(UpgradeOutcome.Upgraded, null, backup: backup);
        }

        var logs = failure.Value.Logs ?? (previous.Entry is { } entry ? await SafeLogsAsync(name, entry.Name) : null);
        var after = await _rollback.RollbackAsync(tenant, previous, secrets, backup, operation, failure.Value.Reason, progress, CancellationToken.None);
        var outcome = after.Status == TenantStatus.RolledBack ? UpgradeOutcome.RolledBack : UpgradeOutcome.NeedsAttention;
        var reason = outcome == UpgradeOutcome.RolledBack ? failure.Value.Reason : after.LastError;
        return Result(outcome, reason, failure.Value.Check, logs, backup);
    }

    /// <summary>
    /// Brings one tenant left mid-upgrade to a consistent state (untouched or rolled back); with
    /// <paramref name="retryNeedsAttention"/>, also retries a failed rollback (a person asked for it by name).
    /// </summary>
    public async Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct)
    {
        using var held = locks.Acquire($"tenant {name}", "upgrade --resume");
        var tenant = await registry.RequireAsync(name, ct);
        return await Settler.SettleAsync(tenant, retryNeedsAttention, progress, ct);
    }

    private async Task PreflightAsync(TenantRecord tenant, Stamp stamp, DatabaseTarget db, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        progress?.Report($"{tenant.Name}: preflight for {stamp.Template.Ref}");
        var step = await registry.Journal.StepAsync(operation, "preflight", "images, disk for the backup", ct);
        await backend.PreflightAsync(stamp, ct);
        var size = await backups.SizeAsync(tenant.Name, db, ct);
        var folder = Path.Combine(settings.BackupRoot, tenant.Name);
        Directory.CreateDirectory(folder);
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (free < settings.DiskFactor * size)
        {
            throw new ProvisionerException(
                $"not enough free disk for the backup: {free / 1048576} MiB free under {folder}, {settings.DiskFactor:0.#} x the database ({size / 1048576} MiB) needed",
                ExitCodes.CapacityNo, "free disk space or move PROVISIONER_HOME");
        }

        await registry.Journal.EndStepAsync(step, JournalStatus.Done, $"database {size} bytes, {free} bytes free", ct);
    }

    private async Task<string> BackupAsync(TenantRecord tenant, ProductTemplate previous, DatabaseTarget db, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var path = Path.Combine(settings.BackupRoot, tenant.Name, $"upgrade-{operation}-{previous.Product}-{previous.Version.ToNormalizedString()}.sql");
        progress?.Report($"{tenant.Name}: backing up the database to {path}");
        var step = await registry.Journal.StepAsync(operation, UpgradeJournalNames.BackupStep, path, ct);
        try
        {
            var info = await backups.BackupAsync(tenant.Name, db, path, ct);
            await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, ct);
            log.LogInformation("{Tenant}: backup {Backup} ({Bytes} bytes) verified, checksum {Checksum}", tenant.Name, path, info.Bytes, info.Checksum);
            return path;
        }
        catch (Exception e)
        {
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Keeps the newest <paramref name="keep"/> backups of a tenant (by operation number); older ones are deleted.</summary>
    private void PruneBackups(string folder, int keep)
    {
        static long Number(string path) => long.TryParse(Path.GetFileName(path).Split('-')[1], out var n) ? n : 0;
        try
        {
            foreach (var old in Directory.GetFiles(folder, "upgrade-*.sql").Where(f => f.EndsWith(".sql", StringComparison.Ordinal)).OrderByDescending(Number).Skip(keep))
            {
                log.LogInformation("Deleting old backup {Backup}", old);
                File.Delete(old);
                File.Delete(PostgresDumpBackups.ChecksumFile(old));
            }

            // A checksum whose dump never got its final name (the process died between the two renames).
            foreach (var orphan in Directory.GetFiles(folder, "upgrade-*.sql.checksum").Where(c => !File.Exists(c[..^".checksum".Length])))
            {
                File.Delete(orphan);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning("Could not prune old backups in {Folder}: {Error}", folder, e.Message);
        }
    }

    /// <summary>After a failure before the backup was complete: the previous version's stamp again (starts the stopped app).</summary>
    private async Task<bool> RestartPreviousAsync(TenantRecord tenant, ProductTemplate previous, TenantSecrets secrets, long operation, IProgress<string>? progress)
    {
        try
        {
            var stamp = StampBuilder.Build(previous, tenant, options.PublishAddress);
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
