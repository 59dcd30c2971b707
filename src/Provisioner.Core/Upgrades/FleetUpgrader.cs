using System.Text.Json;
using Microsoft.Extensions.Logging;
using NuGet.Versioning;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// <c>provision upgrade</c>: under the fleet lock, plans waves (canary first), upgrades at most <c>Parallel</c> tenants
/// at once and halts once failures exceed <c>MaxFailures</c> or a rollback fails. Tenants not reached keep their version.
/// The request is journaled, so <c>--resume</c> (or the same command again) continues where a dead run stopped.
/// </summary>
internal sealed class FleetUpgrader(
    ITemplateCatalog templates, ITenantRegistry registry, ILockManager locks, ITenantUpgrade upgrader, string backupRoot, TimeProvider time, ILogger<FleetUpgrader> log)
{
    /// <summary>The plan for a request, without changing anything (<c>--dry-run</c>).</summary>
    public async Task<FleetPlan> PlanAsync(FleetRequest request, CancellationToken ct)
    {
        Validate(request);
        var tenants = await registry.ListAsync(ct);
        var plan = FleetPlanner.Plan(tenants, request, upgrader.Steps(Settings(request)), time.GetUtcNow());
        templates.Resolve(new TemplateRef(plan.Product, NuGetVersion.Parse(plan.To))); // an unknown version is an error naming those that exist
        return WithPaths(plan, tenants);
    }

    /// <summary>
    /// Each planned tenant with the path its upgrade is expected to take, worked out once per key the upgrader gives
    /// (<see cref="ITenantUpgrade.PlannedPathKey"/>: what the path depends on), so a plan of 10,000 tenants asks a few times.
    /// </summary>
    private FleetPlan WithPaths(FleetPlan plan, IReadOnlyList<TenantRecord> tenants)
    {
        var to = NuGetVersion.Parse(plan.To);
        var byName = tenants.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var known = new Dictionary<object, string?>();
        PlannedUpgrade WithPath(PlannedUpgrade planned)
        {
            var tenant = byName[planned.Tenant];
            var key = upgrader.PlannedPathKey(tenant, to);
            if (!known.TryGetValue(key, out var path))
            {
                known[key] = path = upgrader.PlannedPath(tenant, to);
            }

            return planned with { Path = path };
        }

        return plan with { Waves = [.. plan.Waves.Select(w => w with { Tenants = [.. w.Tenants.Select(WithPath)] })] };
    }

    public async Task<FleetResult> RunAsync(FleetRequest request, IProgress<string>? progress, CancellationToken ct)
    {
        using var fleetLock = locks.Acquire("fleet upgrade", "upgrade");
        await registry.Journal.MarkInterruptedAsync(UpgradeJournalNames.FleetTenant, ct);
        return await RunLockedAsync(request, [], progress, ct);
    }

    /// <summary>
    /// Continues the newest fleet upgrade whose process died, with its journaled request; without one, runs
    /// <paramref name="fallback"/> (or returns null when there is none).
    /// </summary>
    public async Task<FleetResult?> ResumeAsync(FleetRequest? fallback, IProgress<string>? progress, CancellationToken ct)
    {
        using var fleetLock = locks.Acquire("fleet upgrade", "upgrade --resume");
        await registry.Journal.MarkInterruptedAsync(UpgradeJournalNames.FleetTenant, ct);
        // Only the newest fleet operation counts: once a later run (resumed or not) exists, the dead one is history. It may
        // itself have resumed dead runs: their failures count too.
        var (interrupted, dead) = FleetRunChain.Of(await registry.Journal.ListAsync(UpgradeJournalNames.FleetTenant, 50, ct));
        if (interrupted is not null)
        {
            progress?.Report($"== resuming fleet upgrade {dead[0]} to {interrupted.To} (its process died)");
        }

        if (interrupted is not null && fallback is not null && fallback.To != interrupted.To)
        {
            throw new BadInputException(
                $"the interrupted fleet upgrade was to {interrupted.To}, not {fallback.To}",
                $"resume it with `provision upgrade --resume` (no --to), or start a new one without --resume");
        }

        var request = interrupted ?? fallback;
        if (request is null)
        {
            var settled = 0;
            foreach (var stuck in (await registry.ListAsync(ct)).Where(t => t.Status is TenantStatus.Upgrading or TenantStatus.RollingBack))
            {
                await upgrader.RecoverAsync(stuck.Name, retryNeedsAttention: false, progress, ct);
                settled++;
            }

            if (settled > 0)
            {
                progress?.Report($"settled {settled} tenant(s) left mid-upgrade");
            }

            return null;
        }

        return await RunLockedAsync(request, dead, progress, ct);
    }

    private async Task<FleetResult> RunLockedAsync(FleetRequest request, IReadOnlyList<long> continues, IProgress<string>? progress, CancellationToken ct)
    {
        var resumed = continues.Count > 0;
        var start = time.GetTimestamp();
        var plan = await PlanAsync(request, ct);
        if (!request.All && plan.Excluded.FirstOrDefault(e => e.WaitingUntil is not null) is { } waiting)
        {
            // Named by a person: refused rather than silently skipped (nothing was journaled or changed).
            throw new Maintenance.OutsideWindowException(waiting.Tenant, waiting.Window!, waiting.WaitingUntil!.Value);
        }

        var journaled = request with { Resumes = resumed ? continues[0] : null };
        var operation = await registry.Journal.BeginAsync(UpgradeJournalNames.FleetTenant, UpgradeJournalNames.FleetOperation, JsonSerializer.Serialize(journaled, FleetRequestJson.Default.FleetRequest), ct);
        log.LogInformation("Fleet upgrade to {To}: {Count} tenant(s) in {Waves} wave(s)", plan.To, plan.TenantCount, plan.Waves.Count);
        var settings = Settings(request);
        var results = new List<TenantUpgradeResult>(resumed ? await EarlierFailures.FindAsync(registry.Journal, plan, continues, ct) : []);
        foreach (var earlier in results)
        {
            progress?.Report($"{earlier.Tenant}: {Describe(earlier)}");
        }

        string? halt = results.FirstOrDefault(r => r.Outcome == UpgradeOutcome.NeedsAttention) is { } stuck
            ? $"{stuck.Tenant} needs attention (its rollback failed in the interrupted run)"
            : results.Count(r => r.IsFailure) is var lost && lost > request.MaxFailures
                ? $"{lost} failure(s) in the interrupted run, more than --max-failures {request.MaxFailures}"
                : null;
        foreach (var wave in plan.Waves)
        {
            var pending = wave.Tenants.Where(t => results.All(r => r.Tenant != t.Tenant)).ToList();
            if (halt is not null)
            {
                results.AddRange(pending.Select(t => NotReached(t, wave, halt)));
                continue;
            }

            if (pending.Count == 0)
            {
                continue;
            }

            progress?.Report($"== {wave.Label}: {string.Join(", ", pending.Select(t => t.Tenant))} ({pending.Count} tenant(s), {Math.Min(request.Parallel, pending.Count)} at once)");
            var step = await registry.Journal.StepAsync(operation, wave.Label, string.Join(",", pending.Select(t => t.Tenant)), ct);
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = request.Parallel, CancellationToken = ct }, async (t, token) =>
            {
                TenantUpgradeResult result;
                if (Volatile.Read(ref halt) is { } reason)
                {
                    result = NotReached(t, wave, reason);
                }
                else
                {
                    result = await UpgradeOneAsync(t, settings, operation, progress, token) with { Wave = wave.Number };
                    progress?.Report($"{t.Tenant}: {Describe(result)}");
                }

                lock (results)
                {
                    results.Add(result);
                    var failures = results.Count(r => r.IsFailure);
                    if (halt is null && result.Outcome == UpgradeOutcome.NeedsAttention)
                    {
                        halt = $"{t.Tenant} needs attention (its rollback failed)";
                    }
                    else if (halt is null && failures > request.MaxFailures)
                    {
                        halt = $"{failures} failure(s), more than --max-failures {request.MaxFailures} ({t.Tenant}: {result.Reason})";
                    }
                }
            });
            await registry.Journal.EndStepAsync(step, halt is null ? JournalStatus.Done : JournalStatus.Failed, halt, ct);
        }

        var ordered = plan.Waves.SelectMany(w => w.Tenants).Select(p => results.First(r => r.Tenant == p.Tenant)).ToList();
        var outcome = new FleetResult(plan, ordered, halt is not null, halt, operation, resumed, time.GetElapsedTime(start));
        await registry.Journal.EndAsync(operation, outcome.Succeeded ? JournalStatus.Succeeded : JournalStatus.Failed, halt, CancellationToken.None);
        if (halt is not null)
        {
            progress?.Report($"== halted: {halt}; tenants not reached keep their version");
        }

        return outcome;
    }

    private async Task<TenantUpgradeResult> UpgradeOneAsync(PlannedUpgrade t, UpgradeSettings settings, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        try
        {
            return await upgrader.UpgradeAsync(t.Tenant, NuGetVersion.Parse(t.To), settings, $"fleet={operation}", progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // e.g. the tenant's lock is held by another command (nothing was changed), or an unexpected error: one tenant's
            // failure is a result, so the fleet halts in order and still writes its report.
            log.LogError(e, "Upgrading {Tenant} failed: {Error}", t.Tenant, e.Message);
            var hint = e is ProvisionerException { Hint: { } h } ? $" ({h})" : "";
            return new TenantUpgradeResult(t.Tenant, t.From, t.To, UpgradeOutcome.Failed, e.Message + hint, null, null, null, time.GetElapsedTime(started));
        }
    }

    private static TenantUpgradeResult NotReached(PlannedUpgrade t, FleetWave wave, string halt) =>
        new(t.Tenant, t.From, t.To, UpgradeOutcome.NotReached, $"not started: the fleet halted ({halt})", null, null, null, TimeSpan.Zero) { Wave = wave.Number };

    private static string Describe(TenantUpgradeResult r) => r.Outcome switch
    {
        UpgradeOutcome.Upgraded => $"upgraded {r.From} -> {r.To} in {r.Duration.TotalSeconds:0.0} s",
        UpgradeOutcome.Current => $"already on {r.To}",
        UpgradeOutcome.RolledBack => $"ROLLED BACK to {r.From} ({(r.DatabaseRestored ? "database restored" : "database NOT restored")}): {r.Reason}",
        UpgradeOutcome.NeedsAttention => $"NEEDS ATTENTION: {r.Reason}",
        _ => $"FAILED (nothing changed): {r.Reason}",
    };

    private static void Validate(FleetRequest r)
    {
        var errors = new List<string>();
        if (r.Parallel < 1)
        {
            errors.Add($"--parallel must be at least 1 (got {r.Parallel})");
        }

        if (r.MaxFailures < 0)
        {
            errors.Add($"--max-failures must be 0 or more (got {r.MaxFailures})");
        }

        if (r.MonitorSeconds is < 0 or > 3600)
        {
            errors.Add($"--monitor must be 0-3600 seconds (got {r.MonitorSeconds})");
        }

        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("; ", errors), "see `provision upgrade --help`");
        }
    }

    private UpgradeSettings Settings(FleetRequest request) => new() { BackupRoot = backupRoot, MonitorWindow = TimeSpan.FromSeconds(request.MonitorSeconds) };
}
