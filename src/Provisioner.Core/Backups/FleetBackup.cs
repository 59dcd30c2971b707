using Microsoft.Extensions.Logging;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Backups;

/// <summary>
/// <c>provision backup --all</c>: every tenant the registry knows, at most <c>parallel</c> at a time, each its own
/// operation under its own lock. A failure (a held lock included) is that tenant's outcome and the others go on; tenants
/// without data components, and destroyed ones, are skipped.
/// </summary>
internal sealed class FleetBackup(ITemplateCatalog templates, ITenantRegistry registry, Func<TenantRecord, TenantBackups> backups, TimeProvider time, ILogger<FleetBackup> log)
{
    public async Task<FleetBackupResult> RunAsync(int parallel, IProgress<string>? progress, CancellationToken ct)
    {
        FleetFanOut.RequireParallel(parallel, 2);

        var start = time.GetTimestamp();
        var tenants = (await registry.ListAsync(ct)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var outcomes = await FleetFanOut.RunAsync(tenants, parallel, t => OneAsync(t, progress, ct), ct);
        return new FleetBackupResult(outcomes, parallel, time.GetElapsedTime(start));
    }

    private async Task<TenantBackupOutcome> OneAsync(TenantRecord tenant, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        if (tenant.Status == TenantStatus.Destroyed)
        {
            return new TenantBackupOutcome(tenant.Name, TenantBackupOutcome.Skipped, null, "destroyed", TimeSpan.Zero);
        }

        if (tenant.Status == TenantStatus.Suspended)
        {
            // Its data has not changed since it was suspended; the backups taken before still hold it.
            return new TenantBackupOutcome(tenant.Name, TenantBackupOutcome.Skipped, null, "suspended", TimeSpan.Zero);
        }

        try
        {
            if (templates.Resolve(TemplateRef.Parse(tenant.TemplateRef)).DataComponents.Count == 0)
            {
                return new TenantBackupOutcome(tenant.Name, TenantBackupOutcome.Skipped, null, $"{tenant.TemplateRef} has no data components", TimeSpan.Zero);
            }

            progress?.Report($"{tenant.Name}: backup started");
            var result = await backups(tenant).BackupAsync(tenant.Name, progress, ct);
            progress?.Report($"{tenant.Name}: backed up to {result.Set.Id} in {result.Elapsed.TotalSeconds:0.0} s");
            return new TenantBackupOutcome(tenant.Name, TenantBackupOutcome.BackedUp, result, null, time.GetElapsedTime(start));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError("{Tenant}: backup failed: {Error}", tenant.Name, e.Message);
            progress?.Report($"{tenant.Name}: backup FAILED: {e.Message}");
            return new TenantBackupOutcome(tenant.Name, TenantBackupOutcome.FailedOutcome, null, e.Message, time.GetElapsedTime(start));
        }
    }
}
