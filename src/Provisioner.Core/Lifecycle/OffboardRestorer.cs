using Microsoft.Extensions.Logging;
using Provisioner.Core.Backups;
using Provisioner.Core.Errors;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Lifecycle;

/// <summary>
/// <c>provision restore-offboarded TENANT [--from ID]</c>: re-creates the tenant at its recorded version, size and backend with
/// <b>fresh secrets</b> (the old ones left with its registry row), health-gated, then copies the final backup into its backup
/// folder and restores it (staged, checked, swapped, health-gated again). One journaled operation around the provision and the
/// restore (each under the tenant's lock). A rerun after a crash continues it: the tenant then exists, and the newest
/// <c>restore-offboarded</c> of it did not succeed. The offboarded set stays until its keep-until (<c>purge</c> deletes it then).
/// </summary>
internal sealed class OffboardRestorer(
    ITenantRegistry registry,
    ILockManager locks,
    OffboardCatalog offboards,
    BackupCatalog backups,
    Func<ProvisionRequest, CancellationToken, Task<ProvisionResult>> provision,
    Func<string, string, CancellationToken, Task<RestoreResult>> restore,
    TimeProvider time,
    ILogger<OffboardRestorer> log)
{
    public const string JournalKind = "restore-offboarded";

    public async Task<RestoreOffboardedResult> RestoreAsync(string name, string? from, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        TenantName.Validate(name);
        var set = offboards.Find(name, from);
        if (await registry.GetAsync(name, ct) is { } existing && !await ContinuingAsync(name, ct))
        {
            throw new BadInputException(
                $"a tenant named {name} exists ({existing.Status}, {existing.TemplateRef}); restore-offboarded creates it anew",
                $"restore into it with `provision restore {name}`, or remove it first (`provision destroy {name} --delete-data`)");
        }

        var operation = await registry.Journal.BeginAsync(name, JournalKind, $"from {set.Id}", ct);
        try
        {
            var created = await StepAsync(operation, "provision", $"{set.TemplateRef} {set.Size}", () =>
                provision(new ProvisionRequest(name, set.TemplateRef, set.Size, Backend: set.Backend), ct));
            await StepAsync(operation, "copy", set.Id, () =>
            {
                using var held = locks.Acquire($"tenant {name}", JournalKind);
                OffboardCatalog.CopyTo(set, Path.Combine(backups.TenantFolder(name), set.Id));
                return Task.FromResult(true);
            });
            var restored = await StepAsync(operation, "restore", set.Id, () => restore(name, set.Id, ct));
            var healthy = restored.Health.Passed;
            await registry.Journal.EndAsync(operation, healthy ? JournalStatus.Succeeded : JournalStatus.Failed, healthy ? null : restored.Health.Failure, CancellationToken.None);
            log.LogInformation("Restored offboarded {Tenant} from {Backup}; healthy {Healthy}", name, set.Id, healthy);
            progress?.Report($"{name}: re-created on {set.TemplateRef} ({set.Size}) with new secrets and the data of {set.Id}");
            return new RestoreOffboardedResult(set, created, restored, time.GetElapsedTime(start));
        }
        catch (Exception e)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e is OperationCanceledException ? "cancelled" : e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Whether the tenant that exists is this command's own, left by an earlier run that did not finish.</summary>
    private async Task<bool> ContinuingAsync(string name, CancellationToken ct) =>
        (await registry.Journal.ListAsync(name, 50, ct)).FirstOrDefault(o => o.Kind is JournalKind or TenantOffboarder.JournalKind or "destroy" or TenantExpirer.JournalKind)
            is { Kind: JournalKind, Status: not JournalStatus.Succeeded };

    private Task<T> StepAsync<T>(long operation, string name, string detail, Func<Task<T>> work) =>
        registry.Journal.RunStepAsync(operation, name, detail, work);
}
