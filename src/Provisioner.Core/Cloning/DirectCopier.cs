using Microsoft.Extensions.Logging;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Cloning;

/// <summary>
/// <see cref="IDirectClone"/> through the data adapters (<see cref="IDirectCopy"/>): the copy under both tenants' locks and
/// journaled on SOURCE as a <c>copy</c>; the swap under NEW's lock, NEW <see cref="TenantStatus.Restoring"/> while its
/// components are stopped (the writers and the data servers: a physical copy replaces a server's files), then started
/// again and health-gated.
/// </summary>
internal sealed class DirectCopier(
    ITemplateCatalog templates, ITenantRegistry registry, ILockManager locks, TenantData data, Func<WriterPause> pauses, TimeProvider time, ILogger<DirectCopier> log)
    : IDirectClone
{
    public bool Supports(ProductTemplate template) =>
        template.DataComponents.Count > 0
        && data.Backend is Backends.IComponentStreams and Backends.IComponentExec and Backends.IVolumeAccess
        && template.DataComponents.All(c => data.Adapters.For(c.Data!) is IDirectCopy direct && direct.CanCopyDirectly(c));

    public async Task<SourceCopy> StageAsync(string source, string name, bool mask, IProgress<string>? progress, CancellationToken ct)
    {
        using var heldSource = locks.Acquire($"tenant {source}", BackupJournalNames.Copy);
        using var heldClone = locks.Acquire($"tenant {name}", "clone");
        var tenant = await registry.RequireAsync(source, ct);
        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        TenantBackups.Refuse(tenant, template);
        var operation = await registry.Journal.BeginAsync(source, BackupJournalNames.Copy, $"file by file into {name}", ct);
        var entries = new List<BackupEntry>();
        try
        {
            foreach (var c in template.DataComponents)
            {
                var maskSql = mask ? c.Data!.Mask?.Sql : null;
                progress?.Report($"{name}: copying {source}'s {c.Name} ({c.Data!.Kind}) file by file beside its own, {source} serving{(maskSql is null ? "" : "; then masking the copy")}");
                var copy = await registry.Journal.RunStepAsync(operation, "copy", c.Name, () =>
                    Direct(c).StageCopyAsync(new DataTarget(source, c, data.Backend), new DataTarget(name, c, data.Backend), maskSql, ct));
                if (copy.Reused)
                {
                    progress?.Report($"{name}: using the copy of {c.Name} an interrupted clone staged");
                }

                entries.Add(new BackupEntry(c.Name, c.Data!.Kind, "", copy.Bytes, copy.Checksum));
            }
        }
        catch (Exception e)
        {
            foreach (var c in template.DataComponents)
            {
                await Direct(c).DiscardCopyAsync(new DataTarget(name, c, data.Backend), CancellationToken.None);
            }

            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e is OperationCanceledException ? "cancelled" : e.Message, CancellationToken.None);
            throw;
        }

        await registry.Journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
        log.LogInformation("Copied {Source}'s data into {Tenant} file by file: {Bytes} bytes", source, name, entries.Sum(e => e.Bytes));
        return new SourceCopy(source, new BackupSet("", source, template.Ref, time.GetUtcNow(), entries), [], TimeSpan.Zero, SourceCopy.Physical);
    }

    public async Task<RestoreResult> SwapAsync(string name, SourceCopy copy, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        using var held = locks.Acquire($"tenant {name}", "restore");
        var tenant = await registry.RequireAsync(name, ct);
        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        var pause = pauses();
        tenant = tenant with { Status = TenantStatus.Restoring, UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(tenant, ct);
        var components = pause.Writers(template).Concat(data.Servers(template)).ToList();
        try
        {
            await registry.Journal.RunStepAsync(operation, "stop", string.Join(", ", components), () => pause.StopAsync(name, components, progress, ct));
            foreach (var c in template.DataComponents)
            {
                progress?.Report($"{name}: swapping the copy of {c.Name} in");
                await registry.Journal.RunStepAsync(operation, "swap", c.Name, () => Direct(c).SwapCopyAsync(new DataTarget(name, c, data.Backend), ct));
            }
        }
        catch (ProvisionerException e)
        {
            throw new ProvisionerException(
                $"clone {name}: swapping the copy in failed: {e.Message}", ExitCodes.Failed,
                $"run the same `provision clone` again to finish it (the copy is taken again if it is gone)", e);
        }

        var report = await pause.ResumeAsync(tenant, template, operation, progress, ct);
        var after = tenant with
        {
            Status = report.Passed ? TenantStatus.Active : TenantStatus.Failed,
            LastError = report.Passed ? null : $"cloned from {copy.Tenant}, then unhealthy: {report.Failure}",
            UpdatedAt = time.GetUtcNow(),
        };
        await registry.SaveAsync(after, CancellationToken.None);
        var set = new BackupInfo(
            $"direct-from-{copy.Tenant}", name, "clone", copy.Set.Template, copy.Set.TakenAt, copy.Set.Bytes, true, "", copy.Set.Entries);
        return new RestoreResult(name, set, pause.Stopped, pause.Elapsed, time.GetElapsedTime(start), false, report);
    }

    private IDirectCopy Direct(ComponentSpec c) =>
        data.Adapters.For(c.Data!) as IDirectCopy
        ?? throw new ProvisionerException($"data kind '{c.Data!.Kind}' ({c.Name}) cannot be copied directly into a clone");
}
