using Microsoft.Extensions.Logging;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Cloning;

/// <summary>
/// <see cref="IDirectClone"/> through the data adapters (<see cref="IDirectCopy"/>): the copy (<see cref="DirectCopyLease"/>)
/// under SOURCE's lock from before NEW is provisioned until it is staged, journaled on SOURCE as a <c>copy</c>; the swap under NEW's lock, NEW <see cref="TenantStatus.Restoring"/> while its
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

    public async Task<IDirectCloneCopy> BeginAsync(string source, string name, bool mask, IProgress<string>? progress, CancellationToken ct)
    {
        var held = locks.Acquire($"tenant {source}", BackupJournalNames.Copy);
        try
        {
            var tenant = await registry.RequireAsync(source, ct);
            var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
            TenantBackups.Refuse(tenant, template);
            var operation = await registry.Journal.BeginAsync(source, BackupJournalNames.Copy, $"file by file into {name}", ct);
            var lease = new DirectCopyLease(held, locks, registry, data, template, source, name, mask, operation, progress, time, log, ct);
            lease.Start();
            return lease;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public async Task<RestoreResult> SwapAsync(string name, SourceCopy copy, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        using var held = locks.Acquire($"tenant {name}", "restore");
        var tenant = await registry.RequireAsync(name, ct);
        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        var pause = pauses();
        pause.RefuseUnresumable(tenant, template);
        tenant = tenant with { Status = TenantStatus.Restoring, UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(tenant, ct);
        var components = pause.Writers(template).Concat(data.Servers(template)).ToList();
        try
        {
            await registry.Journal.RunStepAsync(operation, "stop", string.Join(", ", components), () => pause.StopAsync(tenant, template, components, progress, ct));
            foreach (var c in template.DataComponents)
            {
                progress?.Report($"{name}: swapping the copy of {c.Name} in");
                await registry.Journal.RunStepAsync(operation, "swap", c.Name, () => data.Direct(c).SwapCopyAsync(new DataTarget(name, c, data.Backend), ct));
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
            Endpoint = pause.Endpoint?.ToString().TrimEnd('/') ?? tenant.Endpoint,   // its entry started only now
            LastError = report.Passed ? null : $"cloned from {copy.Tenant}, then unhealthy: {report.Failure}",
            UpdatedAt = time.GetUtcNow(),
        };
        await registry.SaveAsync(after, CancellationToken.None);
        var set = new BackupInfo(
            $"direct-from-{copy.Tenant}", name, "clone", copy.Set.Template, copy.Set.TakenAt, copy.Set.Bytes, true, "", copy.Set.Entries);
        return new RestoreResult(name, set, pause.Stopped, pause.Elapsed, time.GetElapsedTime(start), false, report);
    }
}
