using Microsoft.Extensions.Logging;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Logging;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Backups;

/// <summary>
/// <c>provision restore TENANT [--from ID]</c>, one journaled operation under the tenant's lock: every data component of the
/// set is loaded beside its live data and checked against the set's checksum while the tenant keeps serving (stage); only
/// when all match are the writers stopped and the copies swapped in (a rename or a move each); the tenant is started
/// again and health-gated. A failure while staging changes nothing. A process killed after staging leaves the tenant
/// <see cref="TenantStatus.Restoring"/>: the rerun stages the same set again and finishes (the backup file is the truth).
/// </summary>
internal sealed class TenantRestorer(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    TenantData data,
    Func<WriterPause> pauses,
    BackupCatalog catalog,
    TimeProvider time,
    ILogger<TenantRestorer> log)
{
    public Task<RestoreResult> RestoreAsync(string name, string? from, IProgress<string>? progress, CancellationToken ct) =>
        RestoreAsync(name, from, mask: false, progress, ct);

    /// <summary>
    /// As above; with <paramref name="mask"/>, the template's masks run on the staged copies before they are swapped in
    /// (<c>provision clone</c>): the tenant never serves the unmasked data, and a failed mask changes nothing.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(string name, string? from, bool mask, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        TenantName.Validate(name);
        using var held = locks.Acquire($"tenant {name}", "restore");
        using var scope = log.BeginScope(LogScopes.ForTenant(name, data.Backend.Kind));
        var tenant = await registry.RequireAsync(name, ct);
        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        if (template.DataComponents.Count == 0)
        {
            throw new BadInputException($"{name} has no data components ({template.Ref} declares no `data:`)", "nothing to restore");
        }

        if (tenant.Status == TenantStatus.Suspended)
        {
            throw new ProvisionerException(
                $"{name} is Suspended; a restore needs its data servers running", ExitCodes.Locked, $"`provision resume {name}` first");
        }

        if (tenant.Status is TenantStatus.Destroyed or TenantStatus.Upgrading or TenantStatus.RollingBack or TenantStatus.NeedsAttention)
        {
            throw new ProvisionerException(
                $"{name} is {tenant.Status}; a restore needs its data servers running", ExitCodes.Locked,
                tenant.Status == TenantStatus.Destroyed ? $"`provision tenant {name}` brings it back first" : $"`provision upgrade {name} --resume` settles it first");
        }

        var pause = pauses();
        pause.RefuseUnresumable(tenant, template);
        await registry.Journal.MarkInterruptedAsync(name, ct);
        var resumed = tenant.Status == TenantStatus.Restoring;
        var id = from ?? (resumed ? await InterruptedSetAsync(name, ct) : null) ?? catalog.Newest(name, template.Ref)?.Id
            ?? throw new BadInputException($"{name} has no complete backup taken on {template.Ref}", $"take one with `provision backup {name}`");
        var set = catalog.Find(name, id);
        if (set.Template != template.Ref)
        {
            // A set from another version holds that version's schema; the running version may not read it.
            throw new BadInputException(
                $"backup '{id}' was taken on {set.Template} and {name} runs {template.Ref}; nothing was changed",
                $"choose a backup taken on {template.Ref} (`provision backups {name}`)");
        }
        var info = catalog.List(name).Single(b => b.Id == id);

        var operation = await registry.Journal.BeginAsync(name, BackupJournalNames.Restore, BackupJournalNames.FromPrefix + id, ct);
        using var opScope = log.BeginScope(LogScopes.ForOperation(operation));
        log.LogInformation("Restoring {Tenant} from {Backup}{Resumed}", name, id, resumed ? " (finishing an interrupted restore)" : "");
        try
        {
            await StepAsync(operation, "stage", id, () => data.StageAsync(name, template, set, progress, ct));
            if (mask)
            {
                await StepAsync(operation, "mask", "the template's masks on the staged copies", () => data.MaskStagedAsync(name, template, progress, ct));
            }
        }
        catch (Exception e)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e.Message, CancellationToken.None);
            throw e is ProvisionerException p
                ? new ProvisionerException($"restore of {name} from {id} refused: {p.Message}", p.ExitCode, p.Hint ?? RefusalHint(p.Message), e)
                : e;
        }

        var swapping = false;
        try
        {
            tenant = tenant with { Status = TenantStatus.Restoring, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(tenant, ct);
            await StepAsync(operation, "stop", "every component that writes", () => pause.StopAsync(tenant, template, pause.Writers(template), progress, ct));
            swapping = true;
            await StepAsync(operation, "swap", "every data component", () => data.SwapAsync(name, template, progress, ct));
        }
        catch (Exception e)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e.Message, CancellationToken.None);
            if (swapping)
            {
                throw new ProvisionerException(
                    $"restore of {name} from {id} failed while swapping the data in: {e.Message}", ExitCodes.Failed,
                    $"run `provision restore {name}` again to finish it from the same backup", e);
            }

            // Nothing was swapped: the live data is as it was; put the tenant back as it was.
            await data.DiscardAsync(name, template, CancellationToken.None);
            await pause.ResumeAsync(tenant, template, operation, progress, CancellationToken.None);
            var status = resumed ? TenantStatus.Restoring : TenantStatus.Active;   // a dead run may have swapped some already
            await registry.SaveAsync(tenant with { Status = status, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            throw;
        }

        var report = await pause.ResumeAsync(tenant, template, operation, progress, ct);
        var downtime = pause.Elapsed;
        var after = tenant with
        {
            Status = report.Passed ? TenantStatus.Active : TenantStatus.Failed,
            LastError = report.Passed ? null : $"restored from {id}, then unhealthy: {report.Failure}",
            UpdatedAt = time.GetUtcNow(),
        };
        await registry.SaveAsync(after, CancellationToken.None);
        await registry.Journal.EndAsync(operation, report.Passed ? JournalStatus.Succeeded : JournalStatus.Failed, after.LastError, CancellationToken.None);
        log.LogInformation("{Tenant} restored from {Backup}; down {DowntimeMs} ms, healthy {Healthy}", name, id, downtime.TotalMilliseconds, report.Passed);
        return new RestoreResult(name, info, pause.Stopped, downtime, time.GetElapsedTime(start), resumed, report);
    }

    /// <summary>The set the newest restore of <paramref name="tenant"/> was using (the one a dead process left).</summary>
    private async Task<string?> InterruptedSetAsync(string tenant, CancellationToken ct) =>
        (await registry.Journal.ListAsync(tenant, 50, ct))
            .FirstOrDefault(o => o.Kind == BackupJournalNames.Restore && o.Detail.StartsWith(BackupJournalNames.FromPrefix, StringComparison.Ordinal))
            ?.Detail[BackupJournalNames.FromPrefix.Length..];

    private Task StepAsync(long operation, string name, string detail, Func<Task> work) =>
        registry.Journal.RunStepAsync(operation, name, detail, work);

    /// <summary>What to do after a restore refused before its swap: nothing was changed; a full data volume says where room is needed.</summary>
    private static string RefusalHint(string error) => error.Contains("No space left on device", StringComparison.Ordinal)
        ? "the disk holding the tenant's data volume (on its engine's host) has no room for the copy a restore loads beside the live data; free space there and rerun; nothing was changed"
        : "nothing was changed";
}
