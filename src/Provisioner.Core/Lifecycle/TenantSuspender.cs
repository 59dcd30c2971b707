using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Logging;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Lifecycle;

/// <summary>
/// <c>provision suspend TENANT</c>: its compute (containers, networks) is removed, and everything else stays: data volumes,
/// secrets, its entry port (still held in the registry, so no other tenant gets it) and its backups. The tenant is then
/// <see cref="TenantStatus.Suspended"/>: it reserves its disk but no CPU or memory. One journaled operation under the tenant's
/// lock; a rerun after a crash converges (removing what is gone already is a no-op). <c>provision resume</c> (or
/// <c>provision tenant</c>) brings it back through the capacity check and the health gate.
/// </summary>
internal sealed class TenantSuspender(ITenantRegistry registry, ILockManager locks, ITenantBackend backend, TimeProvider time, ILogger<TenantSuspender> log)
{
    public const string JournalKind = "suspend";

    public async Task<TenantRecord> SuspendAsync(string name, IProgress<string>? progress, CancellationToken ct)
    {
        TenantName.Validate(name);
        using var held = locks.Acquire($"tenant {name}", JournalKind);
        using var scope = log.BeginScope(LogScopes.ForTenant(name, backend.Kind));
        var tenant = await registry.RequireAsync(name, ct);
        Refuse(tenant);
        await registry.Journal.MarkInterruptedAsync(name, ct);
        var operation = await registry.Journal.BeginAsync(name, JournalKind, "stop compute, keep data and port", ct);
        try
        {
            var step = await registry.Journal.StepAsync(operation, "stop", "containers and networks (volumes kept)", ct);
            var changes = await backend.DestroyAsync(name, deleteData: false, ct);
            foreach (var change in changes)
            {
                progress?.Report(change.ToString());
            }

            await registry.Journal.EndStepAsync(step, JournalStatus.Done, $"{changes.Count} removed", ct);
            var suspended = tenant with { Status = TenantStatus.Suspended, Endpoint = null, LastError = null, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(suspended, ct);
            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, ct);
            log.LogInformation("Suspended {Tenant}: {Changes} resource(s) removed; data and port {Port} kept", name, changes.Count, tenant.HostPort);
            return suspended;
        }
        catch (Exception e)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e is OperationCanceledException ? "cancelled" : e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The states a suspend must not cut into (nothing is changed): an upgrade or restore in flight, or a destroyed tenant.</summary>
    internal static void Refuse(TenantRecord tenant)
    {
        if (tenant.Status == TenantStatus.Destroyed)
        {
            throw new BadInputException($"{tenant.Name} is Destroyed; there is no compute to stop", $"`provision tenant {tenant.Name}` brings it back");
        }

        if (tenant.Status is TenantStatus.Upgrading or TenantStatus.RollingBack or TenantStatus.NeedsAttention or TenantStatus.Restoring)
        {
            throw new ProvisionerException(
                $"{tenant.Name} is {tenant.Status}; suspending now could stop it between its old and new data", ExitCodes.Locked,
                tenant.Status == TenantStatus.Restoring ? $"finish the restore with `provision restore {tenant.Name}` first" : $"`provision upgrade {tenant.Name} --resume` settles it first");
        }
    }
}
