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
/// Puts a tenant back on its previous version: stop its writers and jobs, restore every data component from the upgrade's
/// backup set, apply the previous stamp, health-check it. Success is RolledBack; any failure is NeedsAttention (never retried automatically).
/// </summary>
internal sealed class UpgradeRollback(
    ITenantRegistry registry,
    ITenantBackend backend,
    TenantData data,
    HealthGate health,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger log)
{
    private readonly StampApplier _applier = new(backend, registry.Journal, health, options.FailureLogLines);

    public async Task<TenantRecord> RollbackAsync(
        TenantRecord tenant, ProductTemplate previous, TenantSecrets secrets, string backup, long operation, string reason, IProgress<string>? progress, CancellationToken ct)
    {
        progress?.Report($"{tenant.Name}: rolling back to {previous.Ref}: {reason}");
        log.LogWarning("Rolling back {Tenant} to {Template}: {Reason}", tenant.Name, previous.Ref, reason);
        tenant = tenant with { Status = TenantStatus.RollingBack, LastError = reason, UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(tenant, CancellationToken.None);
        var step = await registry.Journal.StepAsync(operation, UpgradeJournalNames.RollbackStep, $"restore {backup}, start {previous.Ref}", CancellationToken.None);
        try
        {
            // The rollback runs to the end even when the caller is cancelled: a half-restored tenant is the worst outcome.
            var token = CancellationToken.None;
            // Nothing may write while the database is replaced: stop the app and any migration job still running.
            var stamp = StampBuilder.Build(previous, tenant, options);
            var control = backend.Require<IComponentControl>("stop a component for a restore");
            foreach (var name in stamp.Jobs.Select(j => j.Job).Concat(data.Writers(previous)))
            {
                await control.StopComponentAsync(tenant.Name, name, token);
            }

            await StartDataServersAsync(tenant.Name, stamp, secrets, operation, progress);
            await data.RestoreAsync(tenant.Name, previous, BackupSet.Load(backup), progress, token);
            var applied = await _applier.ApplyAsync(stamp, secrets, operation, progress, token);
            var report = await health.WaitHealthyAsync(new ProbeTarget(tenant.Name, previous, applied.Endpoint, backend), previous.AllChecks, token);
            if (!report.Passed)
            {
                throw new Errors.ProvisionerException($"{previous.Ref} is not healthy after the restore: {report.Failure}");
            }

            var rolledBack = await EndRolledBackAsync(tenant, previous, step, operation, reason);
            log.LogWarning("{Tenant} rolled back to {Template} with its database restored", tenant.Name, previous.Ref);
            return rolledBack;
        }
        catch (Exception e)
        {
            var message = $"rollback to {previous.Ref} failed: {e.Message} (the upgrade had failed: {reason}); backup kept at {backup}";
            log.LogError("{Tenant} needs attention: {Error}", tenant.Name, message);
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, e.Message, CancellationToken.None);
            var stuck = tenant with { Status = TenantStatus.NeedsAttention, LastError = message, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(stuck, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, message, CancellationToken.None);
            return stuck;
        }
    }

    /// <summary>
    /// The end of a rollback that brought <paramref name="previous"/> back healthy (restored or, after a compatible
    /// migration, switched back): the rollback step done, the tenant RolledBack on that version, the operation ended.
    /// </summary>
    public async Task<TenantRecord> EndRolledBackAsync(TenantRecord tenant, ProductTemplate previous, long step, long operation, string reason)
    {
        var token = CancellationToken.None;
        await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, token);
        var rolledBack = tenant with
        {
            Version = previous.Version.ToNormalizedString(), Status = TenantStatus.RolledBack, LastError = reason, UpdatedAt = time.GetUtcNow(),
        };
        await registry.SaveAsync(rolledBack, token);
        await registry.Journal.EndAsync(operation, JournalStatus.RolledBack, reason, token);
        return rolledBack;
    }

    /// <summary>
    /// The previous version's data servers only (a database), running and ready: a process killed mid-upgrade may have
    /// left them stopped, half-replaced or gone, and a restore runs inside them. Everything else stays stopped.
    /// </summary>
    private async Task StartDataServersAsync(string tenant, Stamp stamp, TenantSecrets secrets, long operation, IProgress<string>? progress)
    {
        var servers = data.Servers(stamp.Template);
        if (servers.Count == 0)
        {
            return;
        }

        var only = stamp with { Containers = stamp.Containers.Where(c => servers.Contains(c.Component)).ToList(), Jobs = [] };
        var applied = await _applier.ApplyAsync(only, secrets, operation, progress, CancellationToken.None);
        var checks = data.ServerChecks(stamp.Template);
        var report = await health.WaitHealthyAsync(new ProbeTarget(tenant, stamp.Template, applied.Endpoint, backend), checks, CancellationToken.None);
        if (!report.Passed)
        {
            throw new Errors.ProvisionerException($"{string.Join(", ", servers)} did not become ready for the restore: {report.Failure}");
        }
    }
}
