using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Drift;

/// <summary>
/// <c>provision reconcile [NAME|--all]</c>: converges each tenant the way a rerun of <c>provision tenant</c> does (the same service:
/// lock, journal, stopped containers started with their secrets delivered again, drifted ones replaced, orphans removed, health
/// gate), at most <c>parallel</c> at a time; removes the compute a destroyed or suspended tenant should not have, and that of
/// tenants this registry made but no longer has (their data volumes are kept). One tenant's failure is its outcome.
/// </summary>
internal sealed class FleetReconciler(
    ITenantRegistry registry,
    ILockManager locks,
    Func<BackendKind, ITenantBackend> backends,
    Func<BackendKind, TenantProvisioner> provisioners,
    Func<(IEngineInventory Inventory, ITenantBackend Backend)?> engine,
    TimeProvider time,
    ILogger<FleetReconciler> log)
{
    public async Task<ReconcileReport> RunAsync(string? tenant, int parallel, IProgress<string>? progress, CancellationToken ct)
    {
        FleetFanOut.RequireParallel(parallel, 4);

        var start = time.GetTimestamp();
        var recorded = await registry.ListAsync(ct);
        var work = new List<(string Name, Func<Task<ReconcileOutcome>> Run)>();
        foreach (var t in recorded.Where(t => tenant is null || t.Name == TenantName.Validate(tenant)))
        {
            work.Add((t.Name, () => OneAsync(t, progress, ct)));
        }

        if (engine() is var (inventory, backend))
        {
            var known = recorded.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var unregistered = (await inventory.OwnedResourcesAsync(ct)).Select(r => r.Tenant).Where(n => !known.Contains(n) && (tenant is null || n == tenant)).Distinct(StringComparer.Ordinal);
            work.AddRange(unregistered.Select(n => (n, (Func<Task<ReconcileOutcome>>)(() => CleanAsync(n, backend, "not in the registry", ct)))));
        }

        if (work.Count == 0 && tenant is not null)
        {
            throw new BadInputException($"no tenant named '{tenant}' in the registry or on the engine", "`provision list` shows the tenants; `provision reconcile --all` converges them all");
        }

        var outcomes = await FleetFanOut.RunAsync(work.OrderBy(w => w.Name, StringComparer.Ordinal), parallel, async w =>
        {
            var one = time.GetTimestamp();
            try
            {
                var outcome = await w.Run();
                outcome = outcome with { Elapsed = time.GetElapsedTime(one) };
                progress?.Report($"{w.Name}: {outcome.Outcome}{(outcome.Reason is null ? "" : $" ({outcome.Reason})")}");
                return outcome;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning("{Tenant}: reconcile failed: {Error}", w.Name, e.Message);
                var outcome = e is TenantUnhealthyException u
                    ? new ReconcileOutcome(w.Name, ReconcileOutcome.Unhealthy, Describe(u.Result), u.Result.Health?.Failure, time.GetElapsedTime(one))
                    : new ReconcileOutcome(w.Name, ReconcileOutcome.FailedOutcome, [], e.Message.Split('\n')[0], time.GetElapsedTime(one));
                progress?.Report($"{w.Name}: {outcome.Outcome} ({outcome.Reason})");
                return outcome;
            }
        }, ct);
        return new ReconcileReport(outcomes, parallel, time.GetElapsedTime(start));
    }

    private async Task<ReconcileOutcome> OneAsync(TenantRecord tenant, IProgress<string>? progress, CancellationToken ct)
    {
        if (tenant.Status is TenantStatus.Upgrading or TenantStatus.RollingBack or TenantStatus.NeedsAttention)
        {
            return Skip(tenant.Name, $"{tenant.Status}: finish it with `provision upgrade {tenant.Name} --resume`");
        }

        if (tenant.Status == TenantStatus.Restoring)
        {
            return Skip(tenant.Name, $"Restoring: finish it with `provision restore {tenant.Name}`");
        }

        ITenantBackend backend;
        try
        {
            backend = backends(tenant.Backend);
        }
        catch (ProvisionerException e)
        {
            return Skip(tenant.Name, $"backend not configured here ({tenant.Backend.Name}): {e.Message}");
        }

        if (tenant.Status is TenantStatus.Destroyed or TenantStatus.Suspended)
        {
            var live = await backend.ObserveAsync(tenant.Name, ct);
            return live.Components.Count == 0 && live.Networks.Count == 0
                ? Skip(tenant.Name, $"{tenant.Status}: nothing runs, as intended")
                : await CleanAsync(tenant.Name, backend, tenant.Status, ct);
        }

        var tagged = new TenantProgress(tenant.Name, progress);
        var result = await provisioners(tenant.Backend).ProvisionAsync(new ProvisionRequest(tenant.Name), tagged, ct);
        return new ReconcileOutcome(
            tenant.Name, result.Changes.Count > 0 ? ReconcileOutcome.Converged : ReconcileOutcome.Unchanged, Describe(result), null, result.Elapsed);
    }

    private async Task<ReconcileOutcome> CleanAsync(string tenant, ITenantBackend backend, string why, CancellationToken ct)
    {
        using var held = locks.Acquire($"tenant {tenant}", "reconcile");
        var removed = await backend.DestroyAsync(tenant, deleteData: false, ct);
        log.LogInformation("{Tenant}: removed {Count} leftover resource(s) ({Why})", tenant, removed.Count, why);
        return new ReconcileOutcome(tenant, ReconcileOutcome.Cleaned, removed.Select(c => $"remove {c.Resource} {c.Name}").ToList(), $"{why}: compute removed, data volumes kept", TimeSpan.Zero);
    }

    private static IReadOnlyList<string> Describe(ProvisionResult result) => result.Changes.Select(c => c.ToString()).ToList();

    private static ReconcileOutcome Skip(string tenant, string reason) => new(tenant, ReconcileOutcome.Skipped, [], reason, TimeSpan.Zero);
}
