using Microsoft.Extensions.Logging;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Lifecycle;

/// <summary>
/// <c>provision purge [--dry-run]</c>: deletes the offboarded sets whose keep-until has passed (<see cref="PurgeSelection"/>),
/// and nothing else: not a set still within its date, not any tenant's own backups. Each deletion is journaled under the
/// tenant's lock (so it never races a <c>restore-offboarded</c> copying it); a set whose lock is held is left for the next run.
/// </summary>
internal sealed class OffboardPurger(ITenantRegistry registry, ILockManager locks, OffboardCatalog offboards, TimeProvider time, ILogger<OffboardPurger> log)
{
    public const string JournalKind = "purge";

    public async Task<PurgeResult> PurgeAsync(bool dryRun, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sets = offboards.List();
        var due = PurgeSelection.Due(sets, now);
        var kept = sets.Except(due).ToList();
        if (dryRun)
        {
            return new PurgeResult(now, true, due, kept, []);
        }

        var deleted = new List<OffboardedSet>();
        var errors = new List<string>();
        foreach (var set in due)
        {
            try
            {
                using var held = locks.Acquire($"tenant {set.Tenant}", JournalKind);
                var operation = await registry.Journal.BeginAsync(set.Tenant, JournalKind, $"{set.Id} kept until {set.KeepUntil.UtcDateTime:O}", ct);
                var step = await registry.Journal.StepAsync(operation, "delete", set.Folder, ct);
                offboards.Delete(set);
                await registry.Journal.EndStepAsync(step, JournalStatus.Done, null, CancellationToken.None);
                await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
                deleted.Add(set);
                log.LogInformation("Purge: deleted {Backup} of {Tenant} (kept until {KeepUntil})", set.Id, set.Tenant, set.KeepUntil);
            }
            catch (Exception e) when (e is LockHeldException or IOException or UnauthorizedAccessException)
            {
                log.LogWarning("Purge: {Backup} of {Tenant} not deleted: {Error}", set.Id, set.Tenant, e.Message);
                errors.Add($"{set.Tenant}/{set.Id}: {e.Message}");
                kept.Add(set);
            }
        }

        return new PurgeResult(now, false, deleted, kept, errors);
    }
}
