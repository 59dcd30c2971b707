using Microsoft.Extensions.Logging;
using Provisioner.Core.Backups;
using Provisioner.Core.Errors;
using Provisioner.Core.Logging;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Lifecycle;

/// <summary>
/// <c>provision offboard TENANT --retain 30d</c>: a final verified backup (the machinery of <c>provision backup</c>), a copy of
/// it kept with its record until the retain date (<see cref="OffboardCatalog"/>), then the tenant removed entirely (as
/// <c>destroy --delete-data</c>: containers, networks, volumes, its own backups, registry row). Each part is journaled under
/// the tenant's lock. A rerun after a crash finds the set kept for this very tenant (same creation time) and only finishes the
/// removal, so there is never a second final backup nor a tenant removed without one.
/// </summary>
internal sealed class TenantOffboarder(
    ITenantRegistry registry,
    ILockManager locks,
    Func<TenantRecord, TenantBackups> backups,
    Func<TenantRecord, TenantDestroyer> destroyers,
    OffboardCatalog offboards,
    TimeProvider time,
    ILogger<TenantOffboarder> log)
{
    public const string JournalKind = "offboard";

    public async Task<OffboardResult> OffboardAsync(string name, TimeSpan retain, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        TenantName.Validate(name);
        if (retain <= TimeSpan.Zero)
        {
            throw new BadInputException("--retain must be more than zero", "e.g. --retain 30d");
        }

        var tenant = await registry.RequireAsync(name, ct);
        var kept = offboards.List(name).LastOrDefault(s => s.TenantCreatedAt == tenant.CreatedAt);
        BackupResult? backup = null;
        if (kept is null)
        {
            TenantSuspender.Refuse(tenant);
            if (tenant.Status == TenantStatus.Suspended)
            {
                throw new ProvisionerException(
                    $"{name} is Suspended; the final backup needs its data served", ExitCodes.Locked, $"`provision resume {name}` first, then offboard it");
            }

            progress?.Report($"{name}: final backup");
            backup = await backups(tenant).BackupAsync(name, progress, ct);
            kept = await KeepAsync(tenant, backup.Set, retain, ct);
            progress?.Report($"{name}: final backup {kept.Id} kept until {kept.KeepUntil.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }
        else
        {
            progress?.Report($"{name}: its final backup {kept.Id} was kept already (an earlier offboard was interrupted); finishing the removal");
        }

        var removed = await destroyers(tenant).RemoveAsync(
            name, deleteData: true, JournalKind, r => r is null || r.CreatedAt == tenant.CreatedAt, progress, ct)
            ?? throw new ProvisionerException(
                $"{name} was re-created while it was being offboarded; the new tenant was left alone", ExitCodes.Locked,
                $"its final backup is {kept.Id} (`provision offboarded`); offboard the new one again if that is meant");
        log.LogInformation("Offboarded {Tenant}: backup {Backup} kept until {KeepUntil}", name, kept.Id, kept.KeepUntil);
        return new OffboardResult(kept, backup, removed, backup is null, time.GetElapsedTime(start));
    }

    private async Task<OffboardedSet> KeepAsync(TenantRecord tenant, BackupInfo backup, TimeSpan retain, CancellationToken ct)
    {
        using var held = locks.Acquire($"tenant {tenant.Name}", JournalKind);
        using var scope = log.BeginScope(LogScopes.ForTenant(tenant.Name, tenant.Backend));
        var now = time.GetUtcNow();
        var keepUntil = now + retain;
        var operation = await registry.Journal.BeginAsync(tenant.Name, JournalKind, $"keep {backup.Id} until {keepUntil.UtcDateTime:O}", ct);
        var step = await registry.Journal.StepAsync(operation, "keep", backup.Id, ct);
        try
        {
            var kept = offboards.Keep(backup, tenant, now, keepUntil, operation);
            await registry.Journal.EndStepAsync(step, JournalStatus.Done, kept.Id, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
            return kept;
        }
        catch (Exception e)
        {
            await registry.Journal.EndStepAsync(step, JournalStatus.Failed, e.Message, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
    }
}
