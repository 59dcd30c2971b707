using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Logging;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Provisioning;

/// <summary>
/// <c>provision destroy</c>: removes a tenant's containers and networks. Its data volume and secrets are kept (status
/// Destroyed) so a later <c>provision tenant</c> brings it back with its data, unless <c>deleteData</c> is set: then its
/// volumes, registry entry and backups (under <paramref name="backupRoot"/>) go too, all under the tenant's lock, so a
/// concurrent <c>provision tenant</c> of the same name waits and starts from nothing.
/// </summary>
internal sealed class TenantDestroyer(
    ITenantRegistry registry, ILockManager locks, ITenantBackend backend, string backupRoot, TimeProvider time, ILogger<TenantDestroyer> log)
{
    public async Task<IReadOnlyList<PlannedChange>> DestroyAsync(string name, bool deleteData, IProgress<string>? progress, CancellationToken ct) =>
        (await RemoveAsync(name, deleteData, "destroy", null, progress, ct))!;

    /// <summary>The journal detail of a destroy that deletes the data; a rerun after a late kill recognises its own entry by it.</summary>
    private const string DeleteDataDetail = "delete data";

    /// <summary>
    /// The destroy, journaled as <paramref name="kind"/> (<c>expire</c>, <c>offboard</c>); when <paramref name="still"/> is given it
    /// is asked again under the lock (the record may have changed since the caller chose the tenant) and false skips it: null.
    /// </summary>
    public async Task<IReadOnlyList<PlannedChange>?> RemoveAsync(
        string name, bool deleteData, string kind, Func<TenantRecord?, bool>? still, IProgress<string>? progress, CancellationToken ct)
    {
        TenantName.Validate(name);
        using var held = locks.Acquire($"tenant {name}", kind);
        using var scope = log.BeginScope(LogScopes.ForTenant(name, backend.Kind));
        var tenant = await registry.GetAsync(name, ct);
        if (still is not null && !still(tenant))
        {
            return null;
        }

        var observed = await backend.ObserveAsync(name, ct);
        if (tenant is null && !observed.Exists)
        {
            // The same command's earlier run (killed after it had removed everything and the record) did the work: a rerun
            // converges, it does not fail. Any other name is unknown.
            if (still is null && deleteData && (await registry.Journal.ListAsync(name, 1, ct)).FirstOrDefault() is { } last
                && last.Kind == kind && last.Detail == DeleteDataDetail)
            {
                await registry.Journal.MarkInterruptedAsync(name, ct);
                progress?.Report($"{name} was already destroyed (its data deleted): nothing left to remove");
                return [];
            }

            throw new BadInputException($"no tenant named '{name}'", "`provision list` shows the tenants");
        }

        await registry.Journal.MarkInterruptedAsync(name, ct);
        var operation = await registry.Journal.BeginAsync(name, kind, deleteData ? DeleteDataDetail : "keep data", ct);
        using var opScope = log.BeginScope(LogScopes.ForOperation(operation));
        try
        {
            using var stepScope = log.BeginScope(LogScopes.ForStep("remove"));
            var step = await registry.Journal.StepAsync(operation, "remove", deleteData ? "containers, networks, volumes" : "containers, networks", ct);
            var changes = await backend.DestroyAsync(name, deleteData, ct);
            foreach (var change in changes)
            {
                progress?.Report(change.ToString());
            }

            await registry.Journal.EndStepAsync(step, JournalStatus.Done, $"{changes.Count} removed", ct);
            var backups = Path.Combine(backupRoot, name);
            if (deleteData && Directory.Exists(backups))
            {
                // Backups are the tenant's data too: a later tenant of the same name must not inherit them.
                Directory.Delete(backups, recursive: true);
                var removed = new PlannedChange(ChangeKind.Remove, ResourceType.Of("backups"), backups, "destroy --delete-data");
                progress?.Report(removed.ToString());
                changes = [.. changes, removed];
            }

            if (tenant is not null && deleteData)
            {
                await registry.DeleteAsync(name, ct);
            }
            else if (tenant is not null)
            {
                await registry.SaveAsync(tenant with { Status = TenantStatus.Destroyed, Endpoint = null, HostPort = null, UpdatedAt = time.GetUtcNow() }, ct);
            }

            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, ct);
            log.LogInformation("Destroyed {Tenant} ({Changes} resources removed, data {Data})", name, changes.Count, deleteData ? "deleted" : "kept");
            return changes;
        }
        catch (Exception e)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
    }
}
