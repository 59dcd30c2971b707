using Microsoft.Extensions.Logging;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Cloning;

/// <summary>
/// One direct copy from SOURCE into NEW (<see cref="DirectCopier.BeginAsync"/>): holds SOURCE's lock and its journaled
/// <c>copy</c>; SOURCE's side runs in the background from the start; <see cref="StageAsync"/> waits for it and stages each
/// component in NEW under NEW's lock. Disposed: SOURCE's side stopped if still running, what was not staged discarded on
/// both sides, the journal entry ended, SOURCE's lock released.
/// </summary>
internal sealed class DirectCopyLease(
    IDisposable sourceLock, ILockManager locks, ITenantRegistry registry, TenantData data, ProductTemplate template,
    string source, string name, bool mask, long operation, IProgress<string>? progress, TimeProvider time, ILogger log, CancellationToken ct)
    : IDirectCloneCopy
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
    private Task? _preparing;
    private bool _staged;

    /// <summary>Starts SOURCE's side of every component, one after the other, in the background.</summary>
    public void Start() => _preparing = Task.Run(async () =>
    {
        foreach (var c in template.DataComponents)
        {
            await data.Direct(c).PrepareSourceAsync(new DataTarget(source, c, data.Backend), name, _stop.Token);
        }
    });

    public async Task<SourceCopy> StageAsync(CancellationToken ct)
    {
        await (_preparing ?? Task.CompletedTask);
        using var held = locks.Acquire($"tenant {name}", "clone");
        var entries = new List<BackupEntry>();
        try
        {
            foreach (var c in template.DataComponents)
            {
                var maskSpec = mask ? c.Data!.Mask : null;
                progress?.Report($"{name}: copying {source}'s {c.Name} ({c.Data!.Kind}) file by file beside its own, {source} serving{(maskSpec is null ? "" : "; then masking the copy")}");
                var copy = await registry.Journal.RunStepAsync(operation, "copy", c.Name, () =>
                    data.Direct(c).StageCopyAsync(new DataTarget(source, c, data.Backend), new DataTarget(name, c, data.Backend), maskSpec, ct));
                if (copy.Reused)
                {
                    progress?.Report($"{name}: using the copy of {c.Name} an interrupted clone staged");
                }

                entries.Add(new BackupEntry(c.Name, c.Data!.Kind, "", copy.Bytes, copy.Checksum));
            }
        }
        catch
        {
            foreach (var c in template.DataComponents)
            {
                await data.Direct(c).DiscardCopyAsync(new DataTarget(name, c, data.Backend), CancellationToken.None);
            }

            throw;
        }

        _staged = true;
        log.LogInformation("Copied {Source}'s data into {Tenant} file by file: {Bytes} bytes", source, name, entries.Sum(e => e.Bytes));
        return new SourceCopy(source, new BackupSet("", source, template.Ref, time.GetUtcNow(), entries), [], TimeSpan.Zero, SourceCopy.Physical);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            string? failure = null;
            if (!_staged)
            {
                await _stop.CancelAsync();
                try
                {
                    await (_preparing ?? Task.CompletedTask);
                }
                catch (Exception e)
                {
                    failure = e is OperationCanceledException ? "cancelled" : e.Message;
                }

                foreach (var c in template.DataComponents)
                {
                    await data.Direct(c).DiscardSourceAsync(new DataTarget(source, c, data.Backend), name);
                }
            }

            await registry.Journal.EndAsync(operation, _staged ? JournalStatus.Succeeded : JournalStatus.Failed, _staged ? null : failure ?? "the clone did not finish its copy", CancellationToken.None);
        }
        finally
        {
            _stop.Dispose();
            sourceLock.Dispose();
        }
    }
}
