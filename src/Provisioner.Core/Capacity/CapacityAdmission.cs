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
        if (existing is not null && existing.Status is not (TenantStatus.Destroyed or TenantStatus.Suspended) && existing.Size == size)
        {
            return null; // converging a tenant that already holds its room (a suspended one released its CPU and memory)
        }

        return (await DecideAsync(tenant, host, [host], template, size, force, progress, ct)).Hold;
    }

    /// <summary>
    /// Admission on a backend over several hosts (<see cref="Backends.IMultiHostBackend"/>): a new tenant goes to the host where
    /// the most of its size still fit (the same placement <c>provision capacity</c> shows); a recorded tenant stays on its host
    /// (its data lives there), so a new size must fit there. Checks on <paramref name="scope"/> are serialised.
    /// </summary>
    public async Task<Admission> PlaceAsync(
        string tenant, string scope, ProductTemplate template, string size, TenantRecord? existing, bool force,
        IProgress<string>? progress, CancellationToken ct)
    {
        var recorded = existing is not null && existing.Status != TenantStatus.Destroyed ? existing : null;
        if (recorded is not null && recorded.Size == size && recorded.Status != TenantStatus.Suspended)
        {
            return new Admission(null, recorded.Host);
        }

        return await DecideAsync(tenant, scope, recorded is null ? null : [recorded.Host], template, size, force, progress, ct);
    }

    /// <summary>
    /// Where a recorded tenant's data can move (<c>provision host drain</c>): the one of <paramref name="hosts"/> where the most
    /// of its size still fit, the tenant itself not counted; refused with exit 4 when none fits.
    /// </summary>
    public Task<Admission> RelocateAsync(
        string tenant, string scope, ProductTemplate template, string size, IReadOnlyList<string> hosts, IProgress<string>? progress, CancellationToken ct) =>
        DecideAsync(tenant, scope, hosts, template, size, force: false, progress, ct);

    private async Task<Admission> DecideAsync(
        string tenant, string scope, IReadOnlyList<string>? hosts, ProductTemplate template, string size, bool force,
        IProgress<string>? progress, CancellationToken ct)
    {
        var hold = await AcquireAsync($"capacity {scope}", ct);
        try
        {
            var inv = await inventory.ReadAsync(measureUsage: false, ct);
            var others = inv with { Tenants = inv.Tenants.Where(t => t.Tenant != tenant).ToList() };
            var report = CapacityCalculator.Calculate(others, template, options, time.GetUtcNow());
            var candidates = hosts is null ? report : report with { Hosts = report.Hosts.Where(h => hosts.Contains(h.Name)).ToList() };
            var verdict = VerdictPlanner.Decide(candidates, size, 1, null);
            if (verdict.Fits)
            {
                var chosen = verdict.Placements[0].Host;
                log.LogInformation("{Tenant} ({Size}) fits on {Host}", tenant, size, chosen);
                return new Admission(hold, chosen);
            }

            var fallback = hosts?.FirstOrDefault()
                ?? candidates.Hosts.OrderByDescending(h => h.Free.Cpu).ThenBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault()?.Name
                ?? scope;
            if (force)
            {
                progress?.Report($"capacity: {verdict.Reason}; --force given, provisioning anyway (on {fallback})");
                log.LogWarning("{Tenant} ({Size}) does not fit on {Host} but --force was given: {Reason}", tenant, size, fallback, verdict.Reason);
                return new Admission(hold, fallback);
            }

            log.LogWarning("{Tenant} ({Size}) refused on {Host}: {Reason}", tenant, size, scope, verdict.Reason);
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
