using System.Globalization;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Logging;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Hosts;

/// <summary>
/// Moves one tenant's data to another node (<c>provision host drain</c>), one journaled operation under the tenant's lock:
/// its writers stopped, a verified backup of every data component, its services placed on the new node (the data servers
/// start there on new, empty volumes), the writers stopped again, the backup restored there and its checksums compared, the
/// tenant started and health-gated, and only then the switch: the registry records the new node. The old copy on the old
/// node is then removed; the backup set is kept. The data on the old node is never changed before the switch, so a move
/// that fails or is killed leaves it whole: a tenant killed after its backup is left <see cref="TenantStatus.Restoring"/>,
/// and the rerun finishes the move from the same backup to the same node.
/// </summary>
internal sealed class TenantMover(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    TenantData data,
    Func<WriterPause> pauses,
    BackupCatalog catalog,
    StampApplier applier,
    HealthGate health,
    ISecretProtector protector,
    ProvisionerOptions options,
    Func<TenantRecord, ProductTemplate, CancellationToken, Task<string>> placeElsewhere,
    TimeProvider time,
    ILogger<TenantMover> log)
{
    public async Task<TenantMove> MoveAsync(string name, string from, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        TenantName.Validate(name);
        using var held = locks.Acquire($"tenant {name}", MoveJournalNames.Move);
        using var scope = log.BeginScope(LogScopes.ForTenant(name, data.Backend.Kind));
        var tenant = await registry.RequireAsync(name, ct);
        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        await registry.Journal.MarkInterruptedAsync(name, ct);
        var interrupted = tenant.Status == TenantStatus.Restoring ? await InterruptedAsync(name, ct) : null;
        if (interrupted is null && tenant.Host != from)
        {
            var why = $"its data is on {tenant.Host}";
            if (await SwitchedWhenKilledAsync(name, from, tenant.Host, ct))
            {
                // A move killed after its switch, before the old copy went: that copy goes now.
                progress?.Report($"{name}: an interrupted move to {tenant.Host} had switched; removing its old copy on {from}");
                await RemoveOldCopyAsync(name, from, StampBuilder.Build(template, tenant, options));
                why += $" (moved by an interrupted drain; its old copy on {from} removed)";
            }

            return new TenantMove(name, from, tenant.Host, TenantMove.Skipped, Empty, Empty, null, TimeSpan.Zero, time.GetElapsedTime(start), why);
        }

        if (interrupted is null && tenant.Status is not (TenantStatus.Active or TenantStatus.Failed or TenantStatus.RolledBack))
        {
            throw new ProvisionerException(
                $"{name} is {tenant.Status}; its data can move only while its data servers run", ExitCodes.Locked,
                tenant.Status == TenantStatus.Suspended ? $"`provision resume {name}` first, then drain again" : $"settle it first (`provision status {name}`), then drain again");
        }

        var pause = pauses();
        string to;
        BackupSet set;
        long operation;
        var restored = false;
        if (interrupted is { } found)
        {
            to = found.To;
            set = BackupSet.Load(Path.Combine(catalog.TenantFolder(name), found.Set));
            restored = found.Started;
            operation = await registry.Journal.BeginAsync(name, MoveJournalNames.Move, MoveJournalNames.Detail(from, to, found.Set), ct);
            progress?.Report(restored
                ? $"{name}: finishing an interrupted move to {to}: its data was restored there from backup {found.Set} and its app started (kept as it is: not restored again)"
                : $"{name}: finishing an interrupted move to {to} from backup {found.Set}");
            log.LogInformation("Finishing the interrupted move of {Tenant} to {Host} from {Backup} (restored before: {Restored})", name, to, found.Set, restored);
        }
        else
        {
            to = await placeElsewhere(tenant, template, ct);
            var setId = string.Create(CultureInfo.InvariantCulture, $"{BackupKinds.Move}-{time.GetUtcNow():yyyyMMddHHmmss}-{template.Product}-{template.Version.ToNormalizedString()}");
            operation = await registry.Journal.BeginAsync(name, MoveJournalNames.Move, MoveJournalNames.Detail(from, to, setId), ct);
            progress?.Report($"{name}: moving its data from {from} to {to}");
            try
            {
                await registry.Journal.RunStepAsync(operation, "stop", "every component that writes", () => pause.StopAsync(tenant, template, pause.Writers(template), progress, ct), ct);
                set = await registry.Journal.RunStepAsync(
                    operation, "backup", setId, () => data.BackupAsync(name, template, Path.Combine(catalog.TenantFolder(name), setId), progress, ct), ct);
            }
            catch (Exception e)
            {
                // Nothing moved: the tenant back as it was, on its node.
                await registry.Journal.EndAsync(operation, JournalStatus.Failed, e.Message, CancellationToken.None);
                await pause.ResumeAsync(tenant, template, operation, progress, CancellationToken.None);
                throw new ProvisionerException($"moving {name} off {from} failed before anything moved: {e.Message}", ExitCodes.Failed, "it runs on its node as before", e);
            }

            tenant = tenant with { Status = TenantStatus.Restoring, UpdatedAt = time.GetUtcNow() };
            await registry.SaveAsync(tenant, ct);
        }

        return await FinishAsync(tenant, template, from, to, set, restored, operation, pause, start, progress, ct);
    }

    private async Task<TenantMove> FinishAsync(
        TenantRecord tenant, ProductTemplate template, string from, string to, BackupSet set, bool restored, long operation, WriterPause pause,
        long start, IProgress<string>? progress, CancellationToken ct)
    {
        var name = tenant.Name;
        var moved = tenant with { Host = to };
        var stamp = StampBuilder.Build(template, moved, options);
        var secrets = TenantSecrets.Open(protector, tenant.EncryptedSecrets, name);
        var setId = Path.GetFileName(set.Folder);
        var journal = registry.Journal;
        try
        {
            var before = set.Entries.ToDictionary(e => e.Component, e => e.Checksum, StringComparer.Ordinal);
            var after = restored ? null : await PlaceAndRestoreAsync();
            async Task<IReadOnlyDictionary<string, string>> PlaceAndRestoreAsync()
            {
                // Placed on the new node: its data servers start there on new volumes; the writers are stopped again at once.
                await journal.RunStepAsync(operation, "place", $"every service on {to}", () => applier.ApplyAsync(stamp, secrets, operation, progress, ct), ct);
                await journal.RunStepAsync(operation, "stop", "every component that writes", () => pause.StopAsync(tenant, template, pause.Writers(template), progress, ct), ct);
                await DataServersReadyAsync(name, template, to, ct);
                await journal.RunStepAsync(operation, "restore", setId, () => data.RestoreAsync(name, template, set, progress, ct), ct);
                var restoredSums = await data.ChecksumsAsync(name, template, ct);
                var differ = before.Where(b => restoredSums.GetValueOrDefault(b.Key) != b.Value).Select(b => b.Key).ToList();
                return differ.Count == 0 ? restoredSums
                    : throw new ProvisionerException($"the data of {string.Join(", ", differ)} on {to} does not match the backup's checksums");
            }

            // Restored and verified by this run (its checksums), or by the killed one, whose app then served on the new node: what
            // customers wrote there since is kept, so the data may differ from the backup now.
            after ??= await data.ChecksumsAsync(name, template, ct);

            var applied = await journal.RunStepAsync(operation, MoveJournalNames.StartStep, $"{name} on {to}", () => applier.ApplyAsync(stamp, secrets, operation, progress, ct), ct);
            progress?.Report($"{name}: health gate on {to}");
            var report = await health.WaitHealthyAsync(new ProbeTarget(name, template, applied.Endpoint, data.Backend), template.AllChecks, ct);
            if (!report.Passed)
            {
                throw new ProvisionerException($"{name} is not healthy on {to}: {report.Failure}", ExitCodes.Unhealthy);
            }

            var done = moved with
            {
                Status = TenantStatus.Active, LastError = null, Endpoint = applied.Endpoint?.ToString().TrimEnd('/') ?? tenant.Endpoint, UpdatedAt = time.GetUtcNow(),
            };
            await journal.RunStepAsync(operation, "switch", $"{name} recorded on {to}", () => registry.SaveAsync(done, ct), ct);
            await RemoveOldCopyAsync(name, from, stamp);
            await journal.EndAsync(operation, JournalStatus.Succeeded, null, CancellationToken.None);
            log.LogInformation("{Tenant} moved from {From} to {To}; writers stopped {DowntimeMs} ms", name, from, to, pause.Elapsed.TotalMilliseconds);
            var written = restored && before.Any(b => after.GetValueOrDefault(b.Key) != b.Value)
                ? "restored and verified by the interrupted run; written to since, on the new node"
                : null;
            return new TenantMove(name, from, to, TenantMove.Moved, before, after, setId, pause.Elapsed, time.GetElapsedTime(start), written);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await journal.EndAsync(operation, JournalStatus.Failed, e.Message, CancellationToken.None);
            await registry.SaveAsync(tenant with { LastError = $"move to {to} failed: {e.Message}", UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            throw new ProvisionerException(
                $"moving {name} from {from} to {to} failed: {e.Message}", ExitCodes.Failed,
                $"its data is still on {from} and in backup {setId}; run `provision host drain {from}` again to finish the move", e);
        }
    }

    /// <summary>The data servers (a database) answer their read-only checks on the new node: a restore runs inside them.</summary>
    private async Task DataServersReadyAsync(string tenant, ProductTemplate template, string to, CancellationToken ct)
    {
        var checks = data.ServerChecks(template);
        if (checks.Count == 0)
        {
            return;
        }

        var report = await health.WaitHealthyAsync(new ProbeTarget(tenant, template, null, data.Backend), checks, ct);
        if (!report.Passed)
        {
            throw new ProvisionerException($"{string.Join(", ", data.Servers(template))} did not become ready on {to}: {report.Failure}");
        }
    }

    /// <summary>The volumes left on the old node, once the tenant runs checked on the new one (a failure here only logs).</summary>
    private async Task RemoveOldCopyAsync(string tenant, string from, Stamp stamp)
    {
        if (data.Backend is not IHostVolumes volumes || stamp.Volumes.Count == 0)
        {
            return;
        }

        try
        {
            await volumes.RemoveVolumesOnHostAsync(tenant, from, stamp.Volumes.Select(v => v.Name).ToList(), CancellationToken.None);
        }
        catch (Exception e) when (e is ProvisionerException or IOException or HttpRequestException)
        {
            log.LogWarning("{Tenant}: the old copy of its volumes on {Host} was not removed: {Error}", tenant, from, e.Message);
        }
    }

    /// <summary>
    /// The target and backup of the tenant's newest move or restore, when that was a move a dead process left; Started: it
    /// had reached its <c>start</c> step (the data restored and verified on the new node, the app started there: customers
    /// may have written since, so the data is not restored again).
    /// </summary>
    private async Task<(string To, string Set, bool Started)?> InterruptedAsync(string tenant, CancellationToken ct)
    {
        var newest = (await registry.Journal.ListAsync(tenant, 50, ct)).FirstOrDefault(o => o.Kind is MoveJournalNames.Move or BackupJournalNames.Restore);
        return newest?.Kind == MoveJournalNames.Move && MoveJournalNames.Parse(newest.Detail) is { } move
            && BackupSet.IsComplete(Path.Combine(catalog.TenantFolder(tenant), move.Set))
            ? (move.To, move.Set, newest.Steps.Any(s => s.Name == MoveJournalNames.StartStep))
            : null;
    }

    /// <summary>The tenant's newest move, from FROM to where it is recorded now, was interrupted: it was killed after its switch.</summary>
    private async Task<bool> SwitchedWhenKilledAsync(string tenant, string from, string now, CancellationToken ct)
    {
        var newest = (await registry.Journal.ListAsync(tenant, 50, ct)).FirstOrDefault(o => o.Kind == MoveJournalNames.Move);
        return newest is not null && MoveJournalNames.NeverEnded(newest, from, now);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
