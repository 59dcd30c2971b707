using Microsoft.Extensions.Logging;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Capacity;

/// <summary>
/// The capacity check of <c>provision tenant</c>, on the same model as <c>provision capacity</c>: a new tenant (or a new size)
/// is refused with exit 4 when it does not fit its host, unless forced. The returned hold serialises checks on the host
/// until the caller has recorded the tenant (its size then counts), so two provisions cannot both take the last room.
/// </summary>
internal sealed class CapacityAdmission(
    ICapacityInventory inventory, ILockManager locks, CapacityOptions options, TimeProvider time, ILogger<CapacityAdmission> log)
{
    public async Task<IDisposable?> AdmitAsync(
        string tenant, string host, ProductTemplate template, string size, TenantRecord? existing, bool force,
        IProgress<string>? progress, CancellationToken ct)
    {
        if (existing is not null && existing.Status != TenantStatus.Destroyed && existing.Size == size)
        {
            return null; // converging a tenant that already holds its room
        }

        var hold = await AcquireAsync($"capacity {host}", ct);
        try
        {
            var inv = await inventory.ReadAsync(measureUsage: false, ct);
            var others = inv with { Tenants = inv.Tenants.Where(t => t.Tenant != tenant).ToList() };
            var report = CapacityCalculator.Calculate(others, template, options, time.GetUtcNow());
            var onHost = report with { Hosts = report.Hosts.Where(h => h.Name == host).ToList() };
            var verdict = VerdictPlanner.Decide(onHost, size, 1, null);
            if (verdict.Fits)
            {
                log.LogInformation("{Tenant} ({Size}) fits on {Host}", tenant, size, host);
                return hold;
            }

            if (force)
            {
                progress?.Report($"capacity: {verdict.Reason}; --force given, provisioning anyway");
                log.LogWarning("{Tenant} ({Size}) does not fit on {Host} but --force was given: {Reason}", tenant, size, host, verdict.Reason);
                return hold;
            }

            log.LogWarning("{Tenant} ({Size}) refused on {Host}: {Reason}", tenant, size, host, verdict.Reason);
            throw new ProvisionerException(
                $"cannot provision {tenant}: {verdict.Reason}", ExitCodes.CapacityNo,
                $"to make room: {verdict.Suggestion}; `provision capacity --for {size}` shows the numbers; --force provisions anyway");
        }
        catch
        {
            hold.Dispose();
            throw;
        }
    }

    private async Task<IDisposable> AcquireAsync(string resource, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + options.AdmissionWait;
        while (true)
        {
            try
            {
                return new OnceDisposable(locks.Acquire(resource, "capacity check"));
            }
            catch (LockHeldException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
            }
        }
    }
}
