using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// Brings a tenant left mid-upgrade by a dead process to a consistent state, reading the journal: before its backup was
/// complete → untouched (the old app is started again); after the new version passed its health gate → finished forward
/// if it is still healthy (its writes are kept); otherwise → rolled back with the restore. Callers hold the tenant lock.
/// </summary>
internal sealed class UpgradeSettler(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ITenantBackend backend,
    ISecretProtector protector,
    HealthGate health,
    UpgradeRollback rollback,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger log)
{
    private readonly StampApplier _applier = new(backend, registry.Journal, health, options.FailureLogLines);

    public async Task<TenantRecord> SettleAsync(TenantRecord tenant, bool retryNeedsAttention, IProgress<string>? progress, CancellationToken ct)
    {
        await registry.Journal.MarkInterruptedAsync(tenant.Name, ct);
        var retry = tenant.Status == TenantStatus.NeedsAttention && retryNeedsAttention;
        if (tenant.Status is not (TenantStatus.Upgrading or TenantStatus.RollingBack) && !retry)
        {
            return tenant;
        }

        var journal = await registry.Journal.ListAsync(tenant.Name, 20, ct);
        var interrupted = retry
            ? journal.Where(o => o.Kind == UpgradeJournalNames.Operation).MaxBy(o => o.Id) is { } last ? InterruptedUpgrade.Read(last) : null
            : InterruptedUpgrade.Find(journal);
        var previous = templates.Resolve(TemplateRef.Parse(interrupted?.From ?? tenant.TemplateRef));
        var secrets = TenantSecrets.Open(protector, tenant.EncryptedSecrets, tenant.Name).WithGenerated(previous.Secrets);
        if (interrupted?.BackupPath is { } unfinished)
        {
            UpgradeBackups.DeleteUnfinished(unfinished);
        }

        if (interrupted?.Backup is null)
        {
            progress?.Report($"{tenant.Name}: an earlier upgrade was interrupted before its backup was complete; starting {previous.Ref} again");
            var operation = await registry.Journal.BeginAsync(tenant.Name, "settle", $"restart {previous.Ref} after an interrupted upgrade", ct);
            var stamp = StampBuilder.Build(previous, tenant, options);
            await _applier.ApplyAsync(stamp, secrets, operation, progress, ct);
            var untouched = tenant with { Status = TenantStatus.Active, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(untouched, ct);
            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, ct);
            return untouched;
        }

        if (interrupted.HealthPassed && !interrupted.RollbackStarted && !retry && await FinishForwardAsync(tenant, interrupted, secrets, progress, ct) is { } finished)
        {
            return finished;
        }

        progress?.Report($"{tenant.Name}: an earlier upgrade ({interrupted.From} -> {interrupted.To}) was interrupted after its backup; rolling back first");
        var rollbackOp = await registry.Journal.BeginAsync(
            tenant.Name, UpgradeJournalNames.Operation, $"{interrupted.From}{UpgradeJournalNames.Arrow}{interrupted.From} (rollback of operation {interrupted.Operation})", ct);
        var step = await registry.Journal.StepAsync(rollbackOp, UpgradeJournalNames.BackupStep, interrupted.Backup, ct);
        await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, ct);
        var reason = retry ? $"rollback retried by hand after: {tenant.LastError}" : $"the upgrade to {interrupted.To} was interrupted (operation {interrupted.Operation})";
        return await rollback.RollbackAsync(
            tenant with { Version = previous.Version.ToNormalizedString() }, previous, secrets, interrupted.Backup, rollbackOp, reason, progress, CancellationToken.None);
    }

    /// <summary>The new version had passed its gate when the process died: keep it if it is healthy now (null otherwise).</summary>
    private async Task<TenantRecord?> FinishForwardAsync(TenantRecord tenant, InterruptedUpgrade interrupted, TenantSecrets secrets, IProgress<string>? progress, CancellationToken ct)
    {
        var next = templates.Resolve(TemplateRef.Parse(interrupted.To));
        var stamp = StampBuilder.Build(next, tenant, options);
        // Only leftovers to remove (a quiet upgrade's old containers, not yet retired) still count as finished; an edge proxy
        // that is down is not the tenant's: the apply below brings it back before the gate.
        var plan = await backend.PlanAsync(stamp, ct);
        if (plan.Any(c => c.Kind != Reconcile.ChangeKind.Remove && c.Resource != Reconcile.ResourceType.EdgeProxy))
        {
            return null;
        }

        progress?.Report($"{tenant.Name}: the upgrade to {next.Ref} had passed its health gate when it was interrupted; checking it again");
        var operation = await registry.Journal.BeginAsync(tenant.Name, "settle", $"finish {interrupted.From}{UpgradeJournalNames.Arrow}{next.Ref} (operation {interrupted.Operation})", ct);
        if (plan.Count > 0)
        {
            await _applier.ApplyAsync(stamp, secrets, operation, progress, ct);
        }

        var report = await health.WaitHealthyAsync(new ProbeTarget(tenant.Name, next, stamp.Endpoint, backend), next.AllChecks, ct);
        if (!report.Passed)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, report.Failure, ct);
            return null;
        }

        var done = tenant with { Version = next.Version.ToNormalizedString(), Status = TenantStatus.Active, LastError = null, UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(done, ct);
        await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, ct);
        log.LogInformation("{Tenant}: finished the interrupted upgrade to {To}", tenant.Name, next.Ref);
        return done;
    }
}
