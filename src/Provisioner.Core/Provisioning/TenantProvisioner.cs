using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Provisioning;

/// <summary>
/// <c>provision tenant</c>: validate everything first (nothing is written for bad input), take the tenant lock, reserve
/// secrets and a port in the registry, converge the backend to the stamp, then gate on health. Rerunning converges.
/// </summary>
public sealed class TenantProvisioner(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    ITenantBackend backend,
    ISecretProtector protector,
    HealthGate health,
    Func<int, bool> isPortFree,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger<TenantProvisioner> log)
{
    public async Task<ProvisionResult> ProvisionAsync(ProvisionRequest request, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        var name = TenantName.Validate(request.Name);
        var existing = await registry.GetAsync(name, ct);
        var template = templates.Resolve(ResolveTemplate(request, existing));
        var size = request.Size ?? existing?.Size ?? template.DefaultSize;
        var draft = StampBuilder.Build(template, name, size, existing?.HostPort, options.PublishAddress);

        if (request.DryRun)
        {
            var planned = await backend.PlanAsync(draft, ct);
            var shown = existing ?? NewRecord(name, template, size, []);
            return new ProvisionResult(shown, planned, null, true, null, time.GetElapsedTime(start));
        }

        using var held = locks.Acquire($"tenant {name}", "provision");
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Tenant"] = name });
        await backend.PreflightAsync(draft, ct);
        var interrupted = await registry.Journal.MarkInterruptedAsync(name, ct);
        if (interrupted > 0)
        {
            log.LogWarning("Resuming {Tenant}: {Count} earlier operation(s) were interrupted", name, interrupted);
        }

        var tenant = await ReserveAsync(name, template, size, existing, ct);
        var stamp = StampBuilder.Build(template, name, size, tenant.HostPort, options.PublishAddress);
        var secrets = TenantSecrets.Deserialize(protector.Unprotect(tenant.EncryptedSecrets));
        var operation = await registry.Journal.BeginAsync(name, "provision", $"{template.Ref} size={size}", ct);
        using var opScope = log.BeginScope(new Dictionary<string, object> { ["Operation"] = operation });
        log.LogInformation("Provisioning {Tenant} from {Template} ({Size}) on {Host}", name, template.Ref, size, backend.Host);
        try
        {
            var applied = await ApplyAsync(stamp, secrets, operation, progress, ct);
            progress?.Report("health gate: " + string.Join(", ", AllChecks(template).Select(c => c.Name)));
            var step = await registry.Journal.StepAsync(operation, "health", "health gate", ct);
            var report = await health.WaitHealthyAsync(new ProbeTarget(name, applied.Endpoint, backend), AllChecks(template), ct);
            await registry.Journal.EndStepAsync(step, report.Passed ? "done" : "failed", report.Failure, ct);
            return await FinishAsync(tenant, applied, report, operation, start, ct);
        }
        catch (Exception e) when (e is not TenantUnhealthyException)
        {
            var message = e is OperationCanceledException ? "cancelled" : e.Message;
            await registry.SaveAsync(tenant with { Status = TenantStatus.Failed, LastError = message, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            await registry.Journal.EndAsync(operation, "failed", message, CancellationToken.None);
            log.LogError("Provisioning {Tenant} failed: {Error}", name, message);
            throw;
        }
    }

    private TemplateRef ResolveTemplate(ProvisionRequest request, TenantRecord? existing)
    {
        var requested = request.Template is null ? null : TemplateRef.Parse(request.Template);
        if (existing is null || existing.Status == TenantStatus.Destroyed)
        {
            return requested ?? (existing is null ? TemplateRef.Parse(options.DefaultTemplate) : TemplateRef.Parse(existing.TemplateRef));
        }

        var current = TemplateRef.Parse(existing.TemplateRef);
        if (requested is not null && (requested.Product != current.Product || (requested.Version is not null && requested.Version != current.Version)))
        {
            throw new BadInputException(
                $"tenant {existing.Name} runs {existing.TemplateRef}, not {requested}",
                "changing a tenant's version is an upgrade (it backs up the database first); rerun without --template to converge");
        }

        return current;
    }

    private async Task<TenantRecord> ReserveAsync(string name, ProductTemplate template, string size, TenantRecord? existing, CancellationToken ct)
    {
        var secrets = existing is null ? TenantSecrets.Empty : TenantSecrets.Deserialize(protector.Unprotect(existing.EncryptedSecrets));
        var encrypted = protector.Protect(secrets.WithGenerated(template.Secrets).Serialize());
        var now = time.GetUtcNow();
        var tenant = (existing ?? NewRecord(name, template, size, encrypted)) with
        {
            Product = template.Product,
            Version = template.Version.ToNormalizedString(),
            Size = size,
            Backend = backend.Kind,
            Host = backend.Host,
            Status = TenantStatus.Provisioning,
            EncryptedSecrets = encrypted,
            LastError = null,
            UpdatedAt = now,
        };
        if (template.Entry is null || tenant.HostPort is not null)
        {
            await registry.SaveAsync(tenant, ct);
            return tenant;
        }

        return await registry.SaveWithNewPortAsync(tenant, options.FirstPort, options.LastPort, isPortFree, ct);
    }

    private TenantRecord NewRecord(string name, ProductTemplate template, string size, byte[] secrets)
    {
        var now = time.GetUtcNow();
        return new TenantRecord(
            name, template.Product, template.Version.ToNormalizedString(), size, backend.Kind, backend.Host, TenantStatus.Provisioning,
            null, null, secrets, null, now, now);
    }

    private async Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var steps = new Dictionary<PlannedChange, long>();
        var context = new ApplyContext(
            async (component, token) => await WaitComponentAsync(stamp, component, progress, token),
            async change =>
            {
                progress?.Report(change.ToString());
                steps[change] = await registry.Journal.StepAsync(operation, $"{change.Kind} {change.ResourceKind}".ToLowerInvariant(), change.ToString(), ct);
            },
            async change => await registry.Journal.EndStepAsync(steps[change], "done", null, ct));
        return await backend.ApplyAsync(stamp, secrets, context, ct);
    }

    private async Task WaitComponentAsync(Stamp stamp, string component, IProgress<string>? progress, CancellationToken ct)
    {
        var checks = stamp.Template.Component(component).Health.Where(c => c is SqlCheckSpec).ToList();
        if (checks.Count == 0)
        {
            return;
        }

        progress?.Report($"waiting for {component} to be ready");
        var report = await health.WaitHealthyAsync(new ProbeTarget(stamp.Tenant, stamp.Endpoint, backend), checks, ct);
        if (!report.Passed)
        {
            var logs = await backend.GetLogsAsync(stamp.Tenant, component, options.FailureLogLines, ct);
            throw new ProvisionerException($"{component} did not become ready: {report.Failure}. Last log lines:\n{logs}");
        }
    }

    private async Task<ProvisionResult> FinishAsync(
        TenantRecord tenant, ApplyResult applied, HealthReport report, long operation, long start, CancellationToken ct)
    {
        string? logTail = null;
        if (!report.Passed)
        {
            var entry = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef)).Entry?.Name;
            logTail = entry is null ? null : await backend.GetLogsAsync(tenant.Name, entry, options.FailureLogLines, ct);
        }

        var final = tenant with
        {
            Status = report.Passed ? TenantStatus.Active : TenantStatus.Failed,
            Endpoint = applied.Endpoint?.ToString().TrimEnd('/'),
            LastError = report.Passed ? null : report.Failure,
            UpdatedAt = time.GetUtcNow(),
        };
        await registry.SaveAsync(final, ct);
        await registry.Journal.EndAsync(operation, report.Passed ? "succeeded" : "failed", report.Failure, ct);
        var result = new ProvisionResult(final, applied.Changes, report, false, logTail, time.GetElapsedTime(start));
        if (!report.Passed)
        {
            log.LogError("{Tenant} failed its health gate: {Failure}", tenant.Name, report.Failure);
            throw new TenantUnhealthyException(result);
        }

        log.LogInformation("{Tenant} is healthy at {Endpoint} after {Changes} change(s)", tenant.Name, final.Endpoint, applied.Changes.Count);
        return result;
    }

    internal static IReadOnlyList<HealthCheckSpec> AllChecks(ProductTemplate template) =>
        template.Components.SelectMany(c => c.Health).ToList();
}
