using Microsoft.Extensions.Logging;
using NuGet.Versioning;
using Provisioner.Core.Backends;
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
/// One tenant's upgrade on a backend that rolls its own containers out (AWS: the template's migration as a one-off ECS
/// task, then the service rolled by ECS with its deployment circuit breaker). Journaled like the backup path: preflight →
/// apply the new stamp → health gate → monitor window. No dump is taken: the database is the platform's (RDS keeps its
/// automated backups). On failure the previous stamp is applied again, so the service returns to the previous image,
/// and health-checked: the tenant ends RolledBack, or NeedsAttention when that fails too. A migration that ran is kept.
/// </summary>
internal sealed class RolloutUpgrader(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    ITenantBackend backend,
    ISecretProtector protector,
    HealthGate health,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger<RolloutUpgrader> log) : ITenantUpgrade
{
    private readonly UpgradeForward _forward = new(backend, registry.Journal, health, options.FailureLogLines, time);

    private readonly StampApplier _applier = new(backend, registry.Journal, health, options.FailureLogLines);

    public IReadOnlyDictionary<BackendKind, IReadOnlyList<string>> Steps(UpgradeSettings settings) => new Dictionary<BackendKind, IReadOnlyList<string>>
    {
        [backend.Kind] =
        [
            $"preflight: target template and images present on {backend.Kind}",
            "apply: the backend's own rollout (a snapshot of the data where the platform keeps one, the migration, the new version)",
            $"health gate, then a monitor window of {settings.MonitorWindow.TotalSeconds:0.#} s",
            "on failure: the previous version applied again (the data is not restored; a snapshot taken before the migration is named)",
        ],
    };

    private static List<string> DataShape(ProductTemplate t) =>
        t.DataComponents.Select(c => $"{c.Name} ({c.Data!.Kind}{string.Concat(c.Data.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $", {s.Key}={s.Value}"))})").ToList();

    public async Task<TenantUpgradeResult> UpgradeAsync(
        string name, NuGetVersion to, UpgradeSettings settings, string? fleetTag, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        using var held = locks.Acquire($"tenant {name}", "upgrade");
        using var scope = log.BeginScope(LogScopes.ForTenant(name, backend.Kind));
        var tenant = await SettleAsync(await registry.RequireAsync(name, ct), settings.RetryNeedsAttention, progress, ct);
        var target = to.ToNormalizedString();
        TenantUpgradeResult Result(string outcome, string? reason, string? check = null, string? logs = null) =>
            new(name, tenant.Version, target, outcome, reason, check, logs, null, time.GetElapsedTime(start)) { DatabaseRestored = false };

        if (UpgradeGate.Check(tenant, target) is { } refused)
        {
            return Result(refused.Outcome, refused.Reason);
        }

        var previous = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        var next = templates.Resolve(new TemplateRef(tenant.Product, to));
        if (!DataShape(previous).SequenceEqual(DataShape(next)))
        {
            return Result(UpgradeOutcome.Failed,
                $"{previous.Ref} -> {next.Ref} changes its data components ({string.Join(", ", DataShape(previous))} -> {string.Join(", ", DataShape(next))}), which an upgrade on {backend.Kind} does not move");
        }

        var secrets = TenantSecrets.Open(protector, tenant.EncryptedSecrets, tenant.Name).WithGenerated(next.Secrets);
        var stamp = StampBuilder.Build(next, tenant, options);
        var operation = await registry.Journal.BeginAsync(name, UpgradeJournalNames.Operation, UpgradeJournalNames.Detail(previous.Ref, next.Ref, fleetTag), ct);
        using var opScope = log.BeginScope(LogScopes.ForOperation(operation));
        log.LogInformation("Upgrading {Tenant} on {Backend} from {From} to {To}", name, backend.Kind, previous.Ref, next.Ref);
        try
        {
            progress?.Report($"{name}: preflight for {next.Ref} on {backend.Kind}");
            var step = await registry.Journal.StepAsync(operation, "preflight", $"{backend.Kind} backend", ct);
            await backend.PreflightAsync(stamp, ct);
            await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, ct);
        }
        catch (Exception e)
        {
            var cancelled = e is OperationCanceledException && ct.IsCancellationRequested;
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, cancelled ? UpgradeJournalNames.Cancelled : e.Message, CancellationToken.None);
            if (cancelled)
            {
                throw;
            }

            return Result(UpgradeOutcome.Failed, e.Message);
        }

        tenant = tenant with { Status = TenantStatus.Upgrading, EncryptedSecrets = secrets.Seal(protector, tenant.Name), UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(tenant, ct);
        var failure = await _forward.RunAsync(name, stamp, secrets, settings, operation, progress, ct);
        if (failure is null)
        {
            await registry.SaveAsync(tenant with { Version = target, Status = TenantStatus.Active, LastError = null, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
            log.LogInformation("{Tenant} upgraded to {To} on {Backend}", name, next.Ref, backend.Kind);
            return Result(UpgradeOutcome.Upgraded, null);
        }

        var (reason, check, logs) = failure.Value;
        var after = await RollBackAsync(tenant, previous, secrets, operation, reason, progress);
        return after.Status == TenantStatus.RolledBack
            ? Result(UpgradeOutcome.RolledBack, after.LastError, check, logs)
            : Result(UpgradeOutcome.NeedsAttention, after.LastError, check, logs);
    }

    public async Task<TenantRecord> RecoverAsync(string name, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct)
    {
        using var held = locks.Acquire($"tenant {name}", "upgrade --resume");
        return await SettleAsync(await registry.RequireAsync(name, ct), retryNeedsAttention, progress, ct);
    }

    /// <summary>The previous stamp again, then its health gate. Never throws: a failure leaves the tenant NeedsAttention.</summary>
    private async Task<TenantRecord> RollBackAsync(
        TenantRecord tenant, ProductTemplate previous, TenantSecrets secrets, long operation, string reason, IProgress<string>? progress)
    {
        progress?.Report($"{tenant.Name}: rolling back to {previous.Ref}: {reason}");
        log.LogWarning("Rolling back {Tenant} to {Template} on {Backend}: {Reason}", tenant.Name, previous.Ref, backend.Kind, reason);
        await registry.SaveAsync(tenant with { Status = TenantStatus.RollingBack, LastError = reason, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
        var step = await registry.Journal.StepAsync(operation, UpgradeJournalNames.RollbackStep, $"{previous.Ref} applied again", CancellationToken.None);
        try
        {
            await ApplyHealthyAsync(tenant, previous, secrets, operation, progress);
            await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, CancellationToken.None);
            var snapshot = await SnapshotAsync(tenant.Name, operation);
            var note = $"{reason}; the database was not restored (on {backend.Kind} a migration that ran is kept"
                + (snapshot is null ? ")" : $"; snapshot {snapshot} holds the data from before it)");
            var rolledBack = tenant with { Version = previous.Version.ToNormalizedString(), Status = TenantStatus.RolledBack, LastError = note, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(rolledBack, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.RolledBack, reason, CancellationToken.None);
            return rolledBack;
        }
        catch (Exception e)
        {
            var snapshot = await SnapshotAsync(tenant.Name, operation);
            var message = $"rollback to {previous.Ref} failed: {e.Message.Split('\n')[0]} (after: {reason}); "
                + (snapshot is null ? "" : $"if the migration ran, restore snapshot {snapshot} (taken before it); ")
                + $"then retry with `provision upgrade {tenant.Name} --resume`";
            log.LogError("{Tenant}: {Message}", tenant.Name, message);
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, e.Message, CancellationToken.None);
            var stuck = tenant with { Status = TenantStatus.NeedsAttention, LastError = message, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(stuck, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, message, CancellationToken.None);
            return stuck;
        }
    }

    /// <summary>
    /// A tenant left Upgrading or RollingBack by a dead process (or NeedsAttention, asked by name): the registry still
    /// records the version it ran before (it changes only on success), so that version is applied again and checked.
    /// </summary>
    private async Task<TenantRecord> SettleAsync(TenantRecord tenant, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct)
    {
        await registry.Journal.MarkInterruptedAsync(tenant.Name, ct);
        var retry = tenant.Status == TenantStatus.NeedsAttention && retryNeedsAttention;
        if (tenant.Status is not (TenantStatus.Upgrading or TenantStatus.RollingBack) && !retry)
        {
            return tenant;
        }

        var recorded = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        progress?.Report($"{tenant.Name}: an earlier upgrade did not finish; applying {recorded.Ref} (the recorded version) again");
        var operation = await registry.Journal.BeginAsync(tenant.Name, "settle", $"apply {recorded.Ref} again after an unfinished upgrade", ct);
        try
        {
            await ApplyHealthyAsync(tenant, recorded, TenantSecrets.Open(protector, tenant.EncryptedSecrets, tenant.Name).WithGenerated(recorded.Secrets), operation, progress);
        }
        catch (Exception e)
        {
            // Never retried automatically: the fleet halts on it, and a person decides (restore the snapshot, or fix forward).
            var message = $"bringing back {recorded.Ref} after an unfinished upgrade failed: {e.Message.Split('\n')[0]}; "
                + $"check `provision status {tenant.Name}`, restore the pre-upgrade snapshot if the migration ran, then `provision upgrade {tenant.Name} --resume`";
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, message, CancellationToken.None);
            var stuck = tenant with { Status = TenantStatus.NeedsAttention, LastError = message, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(stuck, CancellationToken.None);
            return stuck;
        }

        // Healthy on the recorded version, but the database is as the unfinished upgrade left it: say so.
        var settled = tenant with
        {
            Status = TenantStatus.RolledBack,
            LastError = $"an unfinished upgrade was undone by applying {recorded.Ref} again; the database was not restored",
            UpdatedAt = time.GetUtcNow(),
        };
        await registry.SaveAsync(settled, ct);
        await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, ct);
        return settled;
    }

    private async Task ApplyHealthyAsync(TenantRecord tenant, ProductTemplate template, TenantSecrets secrets, long operation, IProgress<string>? progress)
    {
        var applied = await _applier.ApplyAsync(StampBuilder.Build(template, tenant, options), secrets, operation, progress, CancellationToken.None, goingBack: true);
        var report = await health.WaitHealthyAsync(new ProbeTarget(tenant.Name, template, applied.Endpoint, backend), template.AllChecks, CancellationToken.None);
        if (!report.Passed)
        {
            throw new ProvisionerException($"{template.Ref} is not healthy: {report.Failure}");
        }
    }

    /// <summary>The snapshot the backend took before migrating (a finished journal step "create ... snapshot NAME (...)"), if any.</summary>
    private async Task<string?> SnapshotAsync(string tenant, long operation)
    {
        var op = (await registry.Journal.ListAsync(tenant, 10, CancellationToken.None)).FirstOrDefault(o => o.Id == operation);
        var step = op?.Steps.FirstOrDefault(s => s.Status == JournalStatus.Done
            && s.Name.StartsWith("create ", StringComparison.Ordinal) && s.Name.EndsWith(" snapshot", StringComparison.Ordinal));
        return step is null || step.Detail.Length <= step.Name.Length ? null : step.Detail[(step.Name.Length + 1)..].Split(' ')[0];
    }
}
