using Microsoft.Extensions.Logging;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Lifecycle;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Cloning;

/// <summary>
/// <c>provision clone SOURCE NEW</c>, one journaled operation (on NEW) of three steps, each under its own tenant's lock:
/// <b>provision</b> NEW on SOURCE's template and version with its own new secrets (health-gated, capacity-checked);
/// <b>copy</b> SOURCE's data, verified, the way <c>provision backup</c> takes it (online for database servers: SOURCE keeps
/// serving), into NEW's backup folder; <b>restore</b> it into NEW: staged beside NEW's empty data and checked, masked there
/// (so NEW never serves unmasked rows), swapped in, health-gated. The copy is then deleted. A rerun after a crash continues:
/// NEW is converged again, a complete copy is reused, the restore is finished from it.
/// </summary>
internal sealed class TenantCloner(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    BackupCatalog catalog,
    Func<ProvisionRequest, CancellationToken, Task<ProvisionResult>> provision,
    Func<string, string, CancellationToken, Task<SourceCopy>> copy,
    Func<string, string, bool, CancellationToken, Task<RestoreResult>> restore,
    Func<Backends.BackendKind, IDirectClone>? direct,
    TimeProvider time,
    ILogger<TenantCloner> log)
{
    public const string JournalKind = "clone";

    /// <summary>The copy's folder inside NEW's backup folder (not a backup of NEW: deleted when the clone is done).</summary>
    public static string CopyId(string source) => $"clone-from-{source}";

    public async Task<CloneResult> CloneAsync(CloneRequest request, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        var (source, name, template, size, mask, resumed) = await ValidateAsync(request, ct);
        var operation = await registry.Journal.BeginAsync(name, JournalKind, Detail(source), ct);
        log.LogInformation("Cloning {Source} into {Tenant} ({Template}, {Size}, mask {Mask}){Resumed}", source.Name, name, template.Ref, size, mask, resumed ? " (finishing an interrupted clone)" : "");
        var folder = Path.Combine(catalog.TenantFolder(name), CopyId(source.Name));
        try
        {
            ProvisionResult created;
            SourceCopy copied;
            RestoreResult restored;
            if (direct?.Invoke(source.Backend) is { } fast && fast.Supports(template))
            {
                // Fast path: SOURCE's side of the copy starts first and overlaps NEW's provisioning; then SOURCE's files go
                // straight into NEW beside its own data, are prepared (masked) there, and swapped in.
                await using (var copying = await fast.BeginAsync(source.Name, name, mask, progress, ct))
                {
                    created = await ProvisionAsync(operation, name, template, size, source, dataServersOnly: true, ct);
                    copied = await StepAsync(operation, "copy", $"{source.Name}'s data, file by file, beside {name}'s own", () => copying.StageAsync(ct));
                }

                restored = await StepAsync(operation, "restore", "swapped in, health-gated", () => fast.SwapAsync(name, copied, operation, progress, ct));
            }
            else
            {
                created = await ProvisionAsync(operation, name, template, size, source, dataServersOnly: false, ct);
                (copied, restored) = await ThroughBackupAsync(operation, source, name, mask, folder, progress, ct);
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var healthy = restored.Health.Passed;
            await registry.Journal.EndAsync(operation, healthy ? JournalStatus.Succeeded : JournalStatus.Failed, healthy ? null : restored.Health.Failure, CancellationToken.None);
            var masked = mask ? template.DataComponents.Where(c => c.Data!.Mask is not null).Select(c => c.Name).ToList() : [];
            log.LogInformation("Cloned {Source} into {Tenant}: {Bytes} bytes, source paused {PausedMs} ms, masked {Masked}, healthy {Healthy}",
                source.Name, name, copied.Set.Bytes, copied.Paused.TotalMilliseconds, masked, healthy);
            // NEW as it is now (on the physical path its entry, and so its endpoint, started only after the swap).
            created = created with { Tenant = await registry.RequireAsync(name, CancellationToken.None) };
            return new CloneResult(source.Name, copied, created, restored, masked, resumed, time.GetElapsedTime(start));
        }
        catch (Exception e)
        {
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, e is OperationCanceledException ? "cancelled" : e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>NEW as `provision tenant` makes it; on the direct path only its data servers (the rest starts, migrated and gated, after the swap).</summary>
    private Task<ProvisionResult> ProvisionAsync(long operation, string name, ProductTemplate template, string size, TenantRecord source, bool dataServersOnly, CancellationToken ct) =>
        StepAsync(operation, "provision", $"{template.Ref} {size}, new secrets", () =>
            provision(new ProvisionRequest(name, template.Ref, size, Backend: source.Backend.Name, DataServersOnly: dataServersOnly), ct));

    /// <summary>The general path: a verified backup set of SOURCE's data in NEW's folder, restored into NEW (staged, masked, swapped).</summary>
    private async Task<(SourceCopy Copied, RestoreResult Restored)> ThroughBackupAsync(
        long operation, TenantRecord source, string name, bool mask, string folder, IProgress<string>? progress, CancellationToken ct)
    {
        SourceCopy copied;
        if (BackupSet.IsComplete(folder))
        {
            // An interrupted run's copy, verified when it was taken: the clone is of that moment.
            progress?.Report($"{name}: using the copy of {source.Name} an interrupted clone took");
            copied = new SourceCopy(source.Name, BackupSet.Load(folder), [], TimeSpan.Zero);
        }
        else
        {
            copied = await StepAsync(operation, "copy", $"{source.Name}'s data", () => copy(source.Name, folder, ct));
        }

        var restored = await StepAsync(operation, "restore", mask ? "staged, masked, swapped in" : "staged, swapped in", () => restore(name, CopyId(source.Name), mask, ct));
        return (copied, restored);
    }

    /// <summary>Everything refused before anything is made: names, the source and its state, NEW's existence, the size and the mask.</summary>
    private async Task<(TenantRecord Source, string Name, ProductTemplate Template, string Size, bool Mask, bool Resumed)> ValidateAsync(
        CloneRequest request, CancellationToken ct)
    {
        var name = TenantName.Validate(request.Name);
        var sourceName = TenantName.Validate(request.Source);
        if (name == sourceName)
        {
            throw new BadInputException($"a clone needs a new name; {name} is the source", "give the clone another name");
        }

        var source = await registry.RequireAsync(sourceName, ct);
        var template = templates.Resolve(TemplateRef.Parse(source.TemplateRef));
        if (template.DataComponents.Count == 0)
        {
            throw new BadInputException($"{sourceName} has no data to copy ({template.Ref} declares no `data:`)", $"`provision tenant {name} --template {template.Ref}` makes the same tenant");
        }

        TenantBackups.Refuse(source, template);
        var resumed = false;
        if (await registry.GetAsync(name, ct) is { Status: not TenantStatus.Destroyed } existing)
        {
            // The newest clone into NEW (one journal read): finished, unfinished, or none since NEW was last removed.
            var last = await LastCloneAsync(name, ct);
            var open = last is { Status: not JournalStatus.Succeeded } ? last : null;
            if (last is { Status: JournalStatus.Succeeded } done && done.Detail == Detail(source))
            {
                // The same command after it finished (its process killed before it could say so, say): say that it did.
                throw new BadInputException(
                    $"{name} is already a finished clone of {sourceName} (operation {done.Id}, {(done.FinishedAt ?? done.StartedAt).ToUniversalTime():yyyy-MM-dd HH:mm} UTC); a clone is always a new tenant",
                    $"nothing to do: `provision status {name}` shows it; for a fresh copy remove it first with `provision destroy {name} --yes --delete-data`");
            }

            if (open is null)
            {
                throw new BadInputException(
                    $"a tenant named {name} exists ({existing.Status}, {existing.TemplateRef}); a clone is always a new tenant",
                    $"choose another name, or remove it first with `provision destroy {name} --yes --delete-data`");
            }

            if (open.Detail != Detail(source))
            {
                throw new BadInputException(
                    $"{name} is an unfinished clone {open.Detail}, not from {sourceName}",
                    $"finish it with `provision clone {open.Detail["from ".Length..]} {name}`, or remove it with `provision destroy {name} --yes --delete-data`");
            }

            resumed = true;
        }

        var size = request.Size ?? source.Size;
        if (!template.Sizes.ContainsKey(size))
        {
            throw new BadInputException($"'{size}' is not a size of {template.Ref} (sizes: {string.Join(", ", template.Sizes.Keys)})", "choose one of them with --size");
        }

        var declared = template.DataComponents.Any(c => c.Data!.Mask is not null);
        if (request.Mask == MaskChoice.Required && !declared)
        {
            throw new BadInputException(
                $"--mask: {template.Ref} declares no mask (`mask: {{ sql: ... }}` on a data component); nothing was made",
                "clone without --mask for an exact copy, or declare a mask in the template (docs/templates.md)");
        }

        return (source, name, template, size, declared && request.Mask != MaskChoice.Skip, resumed);
    }

    private static string Detail(TenantRecord source) => $"from {source.Name}";

    /// <summary>NEW's latest clone operation, unless a destroy, offboard or expiry came after it.</summary>
    private async Task<OperationRecord?> LastCloneAsync(string name, CancellationToken ct) =>
        (await registry.Journal.ListAsync(name, 50, ct)).FirstOrDefault(o => o.Kind is JournalKind or TenantOffboarder.JournalKind or "destroy" or TenantExpirer.JournalKind)
            is { Kind: JournalKind } clone ? clone : null;

    private Task<T> StepAsync<T>(long operation, string name, string detail, Func<Task<T>> work) =>
        registry.Journal.RunStepAsync(operation, name, detail, work);
}
