using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Checks;

/// <summary>
/// <c>provision check</c>: runs every check and journey of each tenant once (no retries, no deadline: a check that fails
/// now is a failure now; each probe has the health gate's per-probe timeout), at most <c>parallel</c> tenants at a time,
/// and records each result in the registry. Destroyed and suspended tenants are skipped; a tenant whose backend is not configured here
/// is unknown; any other trouble (an unreachable engine, a missing template) makes the tenant down, with the reason.
/// </summary>
internal sealed class FleetChecker(
    ITenantRegistry registry,
    ITemplateCatalog templates,
    ICheckHistory history,
    Func<BackendKind, (ITenantBackend Backend, HealthGate Health)> backends,
    TimeProvider time,
    ILogger<FleetChecker> log)
{
    public async Task<FleetCheckResult> RunAsync(CheckRequest request, IProgress<string>? progress, CancellationToken ct)
    {
        FleetFanOut.RequireParallel(request.Parallel, 4);

        if (request.Keep < 1)
        {
            throw new BadInputException($"check history must keep at least 1 result per tenant (got {request.Keep})");
        }

        var start = time.GetTimestamp();
        var at = time.GetUtcNow();
        var tenants = await SelectAsync(request.Tenant, ct);
        var results = await FleetFanOut.RunAsync(tenants, request.Parallel, async t =>
        {
            var result = await OneAsync(t, ct);
            progress?.Report($"{t.Name}: {result.State}{(result.Reason is null ? "" : $" ({result.Reason})")}");
            if (result.State != TenantCheckState.Skipped)
            {
                await history.AppendAsync(result, request.Keep, ct);
            }

            return result;
        }, ct);

        var recent = new Dictionary<string, IReadOnlyList<TenantCheck>>(StringComparer.Ordinal);
        foreach (var r in results.Where(r => r.State != TenantCheckState.Skipped))
        {
            recent[r.Tenant] = await history.RecentAsync(r.Tenant, request.Keep, ct);
        }

        return new FleetCheckResult(at, results, recent, time.GetElapsedTime(start));
    }

    private async Task<IReadOnlyList<TenantRecord>> SelectAsync(string? name, CancellationToken ct)
    {
        if (name is null)
        {
            return (await registry.ListAsync(ct)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        }

        TenantName.Validate(name);
        return await registry.GetAsync(name, ct) is { } one
            ? [one]
            : throw new BadInputException($"no tenant named '{name}'", "`provision list` shows the tenants; `provision check --all` checks them all");
    }

    private async Task<TenantCheck> OneAsync(TenantRecord tenant, CancellationToken ct)
    {
        TenantCheck Result(string state, IReadOnlyList<CheckOutcome> checks, string? reason) =>
            new(tenant.Name, tenant.Product, tenant.Version, tenant.Size, tenant.Backend.Name, time.GetUtcNow(), state, checks, reason);

        if (tenant.Status == TenantStatus.Destroyed)
        {
            return Result(TenantCheckState.Skipped, [], "destroyed (its compute was removed): not checked");
        }

        if (tenant.Status == TenantStatus.Suspended)
        {
            return Result(TenantCheckState.Skipped, [], "suspended (its compute is stopped on purpose; provision resume brings it back): not checked");
        }

        ITenantBackend backend;
        HealthGate health;
        try
        {
            (backend, health) = backends(tenant.Backend);
        }
        catch (ProvisionerException e)
        {
            return Result(TenantCheckState.Unknown, [], $"backend not configured here ({tenant.Backend.Name}): {e.Message}");
        }

        try
        {
            var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
            var observation = await backend.ObserveAsync(tenant.Name, ct);
            // "down: db exited (137)" (containers not running: an engine crash, a reboot, a kill) reads apart from
            // "unhealthy: <check>" (everything runs but a check or journey fails).
            // A component removed from under the others (`docker rm -f`) is as down as one that exited: "app missing"
            // (with nothing left at all, "nothing of it runs" below says it).
            var downParts = observation.Components.Where(c => c.Kind != WorkloadKind.Job && !c.IsRunning).Select(c => $"{c.Component} {c.Status}")
                .Concat(observation.MissingOf(template).Select(c => $"{c} missing"))
                .ToList();
            var down = downParts.Count > 0 ? $"down: {string.Join(", ", downParts)}" : null;
            if (!observation.Components.Any(c => c.IsRunning))
            {
                var notRun = template.AllChecks.Select(c => new CheckOutcome(c.Name, CheckStatus.NotRun, "nothing runs", TimeSpan.Zero)).ToList();
                return Result(TenantCheckState.Down, notRun, down ?? "down: nothing of it runs");
            }

            var endpoint = tenant.Endpoint is null ? null : new Uri(tenant.Endpoint);
            var report = await health.CheckOnceAsync(new ProbeTarget(tenant.Name, template, endpoint, backend), template.AllChecks, ct);
            var failures = new[] { down, report.Failure is null ? null : $"unhealthy: {report.Failure}" }.OfType<string>().ToList();
            return Result(failures.Count == 0 ? TenantCheckState.Up : TenantCheckState.Down, report.Checks, failures.Count == 0 ? null : string.Join("; ", failures));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("{Tenant}: check could not run: {Error}", tenant.Name, e.Message);
            return Result(TenantCheckState.Down, [], e.Message);
        }
    }
}
