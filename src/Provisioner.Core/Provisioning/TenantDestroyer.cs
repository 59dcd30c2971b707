using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Provisioning;

/// <summary>
/// <c>provision destroy</c>: removes a tenant's containers and networks. Its data volume and secrets are kept (status
/// Destroyed) so a later <c>provision tenant</c> brings it back with its data, unless <c>deleteData</c> is set.
/// </summary>
public sealed class TenantDestroyer(ITenantRegistry registry, ILockManager locks, ITenantBackend backend, TimeProvider time, ILogger<TenantDestroyer> log)
{
    public async Task<IReadOnlyList<PlannedChange>> DestroyAsync(string name, bool deleteData, IProgress<string>? progress, CancellationToken ct)
    {
        TenantName.Validate(name);
        using var held = locks.Acquire($"tenant {name}", "destroy");
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Tenant"] = name });
        var tenant = await registry.GetAsync(name, ct);
        var observed = await backend.ObserveAsync(name, ct);
        if (tenant is null && !observed.Exists)
        {
            throw new BadInputException($"no tenant named '{name}'", "`provision list` shows the tenants");
        }

        await registry.Journal.MarkInterruptedAsync(name, ct);
        var operation = await registry.Journal.BeginAsync(name, "destroy", deleteData ? "delete data" : "keep data", ct);
        using var opScope = log.BeginScope(new Dictionary<string, object> { ["Operation"] = operation });
        try
        {
            var step = await registry.Journal.StepAsync(operation, "remove", deleteData ? "containers, networks, volumes" : "containers, networks", ct);
            var changes = await backend.DestroyAsync(name, deleteData, ct);
            foreach (var change in changes)
            {
                progress?.Report(change.ToString());
            }

            await registry.Journal.EndStepAsync(step, JournalStatus.Done, $"{changes.Count} removed", ct);
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
