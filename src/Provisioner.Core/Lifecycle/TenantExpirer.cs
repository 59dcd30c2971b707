using Microsoft.Extensions.Logging;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Lifecycle;

/// <summary>
/// <c>provision expire [--dry-run]</c>, what a cron job calls: every tenant whose recorded expiry has passed is destroyed with
/// its data (containers, networks, volumes, backups, registry entry), one at a time under its own lock, journaled as
/// <c>expire</c>. The expiry is read again under the lock, so a tenant given a new <c>--ttl</c> meanwhile stays. This is the
/// only place an expiry removes anything. One tenant's failure is its outcome; the next run tries it again.
/// </summary>
internal sealed class TenantExpirer(ITenantRegistry registry, Func<TenantRecord, TenantDestroyer> destroyers, TimeProvider time, ILogger<TenantExpirer> log)
{
    public const string JournalKind = "expire";

    public async Task<ExpireResult> ExpireAsync(bool dryRun, IProgress<string>? progress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var tenants = await registry.ListAsync(ct);
        var expired = ExpirySelection.Expired(tenants, now);
        var waiting = tenants.Count(t => t.ExpiresAt is not null) - expired.Count;
        var outcomes = new List<ExpiredTenant>();
        foreach (var t in expired)
        {
            var at = t.ExpiresAt!.Value;
            if (dryRun)
            {
                outcomes.Add(new ExpiredTenant(t.Name, t.TemplateRef, at, ExpiredTenant.WouldRemove));
                continue;
            }

            try
            {
                progress?.Report($"{t.Name}: expired at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC; removing it with its data");
                var removed = await destroyers(t).RemoveAsync(
                    t.Name, deleteData: true, JournalKind, r => r is not null && ExpirySelection.IsExpired(r, now), progress, ct);
                outcomes.Add(new ExpiredTenant(t.Name, t.TemplateRef, at, removed is null ? ExpiredTenant.Skipped : ExpiredTenant.Removed));
                log.LogInformation("Expire: {Tenant} (expired {ExpiresAt}) {Outcome}", t.Name, at, removed is null ? "skipped, its expiry changed" : "removed");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError("Expire: removing {Tenant} failed: {Error}", t.Name, e.Message);
                outcomes.Add(new ExpiredTenant(t.Name, t.TemplateRef, at, ExpiredTenant.Failed, e.Message));
            }
        }

        return new ExpireResult(now, dryRun, outcomes, waiting);
    }
}
