using System.Globalization;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Logging;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Backups;

/// <summary>
/// <c>provision backup TENANT</c>: one journaled operation under the tenant's lock that writes a verified set of every data
/// component to <c>&lt;root&gt;/&lt;tenant&gt;/manual-&lt;op&gt;-&lt;product&gt;-&lt;version&gt;/</c>, then applies retention.
/// Online when every data component is served by its own server (a database: <c>pg_dump</c> reads one snapshot, and the
/// copy is verified against the live rows, which proves nothing was written meanwhile); if that check fails because of
/// writes, it is taken again with the writers stopped. A tenant with file data (an archive) has its writers stopped for
/// the copy, so its files, and its database with them, are consistent; the pause is measured and reported.
/// </summary>
internal sealed class TenantBackups(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    TenantData data,
    Func<WriterPause> pauses,
    BackupCatalog catalog,
    RetentionPolicy retention,
    TimeProvider time,
    ILogger<TenantBackups> log)
{
    public const string Prefix = BackupKinds.Manual + "-";

    public async Task<BackupResult> BackupAsync(string name, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        var (set, stopped, paused, note) = await TakeAsync(
            name,
            (operation, template) => Path.Combine(catalog.TenantFolder(name), $"{Prefix}{operation.ToString(CultureInfo.InvariantCulture)}-{template.Product}-{template.Version.ToNormalizedString()}"),
            BackupJournalNames.Backup,
            progress,
            ct);
        var deleted = catalog.Prune(name, retention, Path.GetFileName(set.Folder), log);
        var info = catalog.List(name).Single(b => b.Id == Path.GetFileName(set.Folder));
        return new BackupResult(name, info, stopped.Count == 0, stopped, paused, time.GetElapsedTime(start), deleted, note);
    }

    /// <summary>
    /// A verified copy of every data component of <paramref name="name"/> written to <paramref name="folder"/> (outside its own
    /// backups: no retention, not listed as its backup), taken as <see cref="BackupAsync"/> takes one; <c>provision clone</c>'s copy.
    /// </summary>
    public async Task<SourceCopy> CopyAsync(string name, string folder, IProgress<string>? progress, CancellationToken ct)
    {
        var (set, stopped, paused, _) = await TakeAsync(name, (_, _) => folder, BackupJournalNames.Copy, progress, ct);
        return new SourceCopy(name, set, stopped, paused);
    }

    private async Task<(BackupSet Set, IReadOnlyList<string> Stopped, TimeSpan Paused, string? Note)> TakeAsync(
        string name, Func<long, ProductTemplate, string> folderFor, string kind, IProgress<string>? progress, CancellationToken ct)
    {
        TenantName.Validate(name);
        using var held = locks.Acquire($"tenant {name}", kind);
        using var scope = log.BeginScope(LogScopes.ForTenant(name, data.Backend.Kind));
        var tenant = await registry.RequireAsync(name, ct);
        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        Refuse(tenant, template);
        var pause = pauses();
        var fileOwners = template.DataComponents.Where(c => !data.Adapters.For(c.Data!).ServesData).Select(c => c.Name).ToList();
        if (fileOwners.Count > 0)
        {
            pause.RefuseUnresumable(tenant, template);
        }

        var operation = await registry.Journal.BeginAsync(name, kind, template.Ref, ct);
        using var opScope = log.BeginScope(LogScopes.ForOperation(operation));
        var folder = folderFor(operation, template);
        string? note = null;
        try
        {
            BackupSet set;
            try
            {
                if (fileOwners.Count > 0)
                {
                    await StepAsync(operation, "stop", "the components owning file data", () => pause.StopAsync(tenant, template, fileOwners, progress, ct), ct);
                }

                set = await StepAsync(operation, fileOwners.Count == 0 ? "backup online" : "backup", folder, () => data.BackupAsync(name, template, folder, progress, ct), ct);
            }
            catch (ProvisionerException e) when (e is not Backends.CapabilityMissingException and not BadInputException)
            {
                // The copy did not match the live data: something wrote meanwhile. Again, with every writer stopped.
                note = $"the first copy did not verify ({e.Message}); taken again with every writer stopped";
                progress?.Report($"{name}: {note}");
                await StepAsync(operation, "stop", "every component that writes", () => pause.StopAsync(tenant, template, pause.Writers(template), progress, ct), ct);
                set = await StepAsync(operation, "backup", folder, () => data.BackupAsync(name, template, folder, progress, ct), ct);
            }

            var online = pause.Stopped.Count == 0;
            if (!online)
            {
                await StepAsync(operation, "start", "the stopped components, health gate", () => pause.ResumeHealthyAsync(tenant, template, operation, progress, ct), ct);
            }

            var pausedFor = pause.Elapsed;
            await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
            log.LogInformation("{Tenant}: backup {Backup} ({Bytes} bytes) verified; online {Online}, paused {PausedMs} ms", name, folder, set.Bytes, online, pausedFor.TotalMilliseconds);
            return (set, pause.Stopped, pausedFor, note);
        }
        catch (Exception e)
        {
            if (Directory.Exists(folder) && !BackupSet.IsComplete(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var restarted = "";
            if (pause.Stopped.Count > 0)
            {
                // Whatever failed, the tenant must not stay stopped because of a backup.
                var report = await SafeResumeAsync(tenant, template, pause, operation);
                restarted = report ? "" : $"; and it did not come back healthy: run `provision tenant {name}`";
            }

            var cancelled = e is OperationCanceledException && ct.IsCancellationRequested;
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, cancelled ? "cancelled" : e.Message, CancellationToken.None);
            if (cancelled || restarted.Length == 0)
            {
                throw;
            }

            throw new ProvisionerException($"backup of {name} failed: {e.Message}{restarted}", inner: e);
        }
    }

    /// <summary>Why this tenant cannot be backed up or cloned (nothing is changed), or nothing.</summary>
    public static void Refuse(TenantRecord tenant, ProductTemplate template)
    {
        if (template.DataComponents.Count == 0)
        {
            throw new BadInputException($"{tenant.Name} has no data components ({template.Ref} declares no `data:`)", "nothing to back up");
        }

        if (tenant.Status == TenantStatus.Restoring)
        {
            throw new ProvisionerException(
                $"a restore of {tenant.Name} did not finish", ExitCodes.Locked, $"run `provision restore {tenant.Name}` to finish it first");
        }

        if (tenant.Status == TenantStatus.Suspended)
        {
            throw new ProvisionerException(
                $"{tenant.Name} is Suspended; its data is not being served", ExitCodes.Locked, $"`provision resume {tenant.Name}` first, then run this command again");
        }

        if (tenant.Status is TenantStatus.Destroyed or TenantStatus.Upgrading or TenantStatus.RollingBack or TenantStatus.NeedsAttention)
        {
            throw new ProvisionerException(
                $"{tenant.Name} is {tenant.Status}; its data is not being served", ExitCodes.Locked,
                tenant.Status == TenantStatus.Destroyed ? $"`provision tenant {tenant.Name}` brings it back" : $"`provision upgrade {tenant.Name} --resume` settles it");
        }
    }

    private Task StepAsync(long operation, string name, string detail, Func<Task> work, CancellationToken ct) =>
        registry.Journal.RunStepAsync(operation, name, detail, work, ct);

    private Task<T> StepAsync<T>(long operation, string name, string detail, Func<Task<T>> work, CancellationToken ct) =>
        registry.Journal.RunStepAsync(operation, name, detail, work, ct);

    private async Task<bool> SafeResumeAsync(TenantRecord tenant, ProductTemplate template, WriterPause pause, long operation)
    {
        try
        {
            return (await pause.ResumeAsync(tenant, template, operation, null, CancellationToken.None)).Passed;
        }
        catch (Exception e)
        {
            log.LogError("{Tenant}: could not start again after a failed backup: {Error}", tenant.Name, e.Message);
            return false;
        }
    }
}
