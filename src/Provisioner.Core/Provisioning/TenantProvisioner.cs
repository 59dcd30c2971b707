using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Capacity;
using Provisioner.Core.Edge;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Logging;
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
internal sealed class TenantProvisioner(
    ITemplateCatalog templates,
    ITenantRegistry registry,
    ILockManager locks,
    ITenantBackend backend,
    ISecretProtector protector,
    HealthGate health,
    Func<int, bool> isPortFree,
    ProvisionerOptions options,
    TimeProvider time,
    ILogger<TenantProvisioner> log,
    CapacityAdmission? capacity = null)
{
    public async Task<ProvisionResult> ProvisionAsync(ProvisionRequest request, IProgress<string>? progress, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        var name = TenantName.Validate(request.Name);
        var expiresAt = Expiry(request);
        if (request.DryRun)
        {
            var current = await registry.GetAsync(name, ct);
            var (planTemplate, planSize) = Resolve(request, current);
            RefuseLeavingTheEdge(current, planTemplate);
            var planned = await backend.PlanAsync(StampBuilder.Build(planTemplate, name, planSize, current?.HostPort, options) with { Host = current?.Host }, ct);
            var shown = (current ?? NewRecord(name, planTemplate, planSize, [])) with { Size = planSize, Version = planTemplate.Version.ToNormalizedString() };
            return new ProvisionResult(shown, planned, null, true, null, time.GetElapsedTime(start));
        }

        // The registry is read under the lock, so a destroy or provision finishing meanwhile cannot be overwritten.
        using var held = locks.Acquire($"tenant {name}", "provision");
        using var scope = log.BeginScope(LogScopes.ForTenant(name, backend.Kind));
        var existing = await registry.GetAsync(name, ct);
        var (template, size) = Resolve(request, existing);
        RefuseLeavingTheEdge(existing, template);
        await backend.PreflightAsync(StampBuilder.Build(template, name, size, existing?.HostPort, options), ct);

        // Capacity (exit 4, nothing created): held until the tenant is recorded below, so its size counts for the next check.
        // On a backend over several hosts the check also chooses the tenant's host (a recorded tenant keeps its own).
        var admission = capacity is null
            ? null
            : backend is IMultiHostBackend
                ? await capacity.PlaceAsync(name, backend.Host, template, size, existing, request.Force, progress, ct)
                : new Admission(await capacity.AdmitAsync(name, backend.Host, template, size, existing, request.Force, progress, ct), backend.Host);
        using var room = admission?.Hold;
        var host = backend is IMultiHostBackend && admission is not null ? admission.Host : backend.Host;
        var interrupted = await registry.Journal.MarkInterruptedAsync(name, ct);
        if (interrupted > 0)
        {
            progress?.Report($"resuming: {interrupted} earlier operation(s) on {name} were interrupted");
            log.LogWarning("Resuming {Tenant}: {Count} earlier operation(s) were interrupted", name, interrupted);
        }

        var operation = await registry.Journal.BeginAsync(name, "provision", $"{template.Ref} size={size}", ct);
        using var opScope = log.BeginScope(LogScopes.ForOperation(operation));
        log.LogInformation("Provisioning {Tenant} from {Template} ({Size}) on {Host}", name, template.Ref, size, host);
        var (tenant, secrets) = await ReserveAsync(name, template, size, host, existing, operation, ct, expiresAt);
        room?.Dispose();
        try
        {
            var stamp = StampBuilder.Build(template, name, size, tenant.HostPort, options) with { Host = tenant.Host };
            if (request.DataServersOnly)
            {
                var holders = template.Components.Where(c => c.Data is not null).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                stamp = stamp with { Containers = stamp.Containers.Where(c => holders.Contains(c.Component)).ToList(), Jobs = [] };
            }

            var applier = new StampApplier(backend, registry.Journal, health, options.FailureLogLines, log);
            ApplyResult applied;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    applied = await applier.ApplyAsync(stamp, secrets, operation, progress, ct);
                    break;
                }
                catch (PortTakenException) when (attempt < 3 && template.Entry is not null)
                {
                    // Another process (or another registry on the same engine) bound the port after it was checked: take a new one.
                    log.LogWarning("{Tenant}: entry port {Port} was taken while starting; allocating a new one", name, tenant.HostPort);
                    tenant = await registry.SaveWithNewPortAsync(tenant with { HostPort = null }, options.FirstPort, options.LastPort, isPortFree, ct);
                    progress?.Report($"entry port taken by another process; retrying on port {tenant.HostPort}");
                    stamp = StampBuilder.Build(template, name, size, tenant.HostPort, options) with { Host = tenant.Host };
                }
            }

            var checks = GateChecks(template, request.DataServersOnly);
            progress?.Report("health gate: " + string.Join(", ", checks.Select(c => c.Name)));
            using var stepScope = log.BeginScope(LogScopes.ForStep("health"));
            var step = await registry.Journal.StepAsync(operation, "health", checks.Count == template.AllChecks.Count ? "health gate" : "health gate, data components only", ct);
            var report = await health.WaitHealthyAsync(new ProbeTarget(name, template, applied.Endpoint, backend), checks, ct, allAtOnceFirst: applied.Changes.Count == 0);
            await registry.Journal.EndStepAsync(step, report.Passed ? JournalStatus.Done : JournalStatus.Failed, report.Failure, ct);
            return await FinishAsync(tenant, applied, report, operation, start, ct);
        }
        catch (Exception e) when (e is not TenantUnhealthyException)
        {
            var message = e is OperationCanceledException ? "cancelled" : e.Message;
            await registry.SaveAsync(tenant with { Status = TenantStatus.Failed, LastError = message, UpdatedAt = time.GetUtcNow() }, CancellationToken.None);
            await registry.Journal.EndAsync(operation, JournalStatus.Failed, message, CancellationToken.None);
            log.LogError("Provisioning {Tenant} failed: {Error}", name, message);
            throw;
        }
    }

    /// <summary>Every check; or, for a clone's first start (data servers only), the read-only checks of the components that hold data (all when there are none).</summary>
    private static IReadOnlyList<HealthCheckSpec> GateChecks(ProductTemplate template, bool dataOnly)
    {
        var data = dataOnly ? template.Components.Where(c => c.Data is not null).SelectMany(c => c.Health).Where(h => !h.Writes).ToList() : [];
        return data.Count > 0 ? data : template.AllChecks;
    }

    /// <summary>The expiry asked for (null: keep the recorded one); one in the past is bad input, nothing is written.</summary>
    private DateTimeOffset? Expiry(ProvisionRequest request)
    {
        if (request.Ttl is not null && request.ExpiresAt is not null)
        {
            throw new BadInputException("--ttl and --expires both give an expiry", "give one of them");
        }

        var at = request.Ttl is { } ttl ? time.GetUtcNow() + ttl : request.ExpiresAt;
        if (at is { } when && when <= time.GetUtcNow())
        {
            throw new BadInputException(
                $"--expires {when.UtcDateTime:yyyy-MM-ddTHH:mm}Z is in the past",
                $"give a later time (UTC), e.g. --expires {time.GetUtcNow().UtcDateTime.AddHours(4):yyyy-MM-ddTHH:mm}Z, or --ttl 4h");
        }

        return at;
    }

    private void RefuseLeavingTheEdge(TenantRecord? existing, ProductTemplate template)
    {
        if (LeavingTheEdge.WhyNot(existing, template, options) is { } why)
        {
            throw new BadInputException(why, LeavingTheEdge.Hint(existing!.Name));
        }
    }

    private (ProductTemplate Template, string Size) Resolve(ProvisionRequest request, TenantRecord? existing)
    {
        var template = templates.Resolve(ResolveTemplate(request, existing));
        return (template, request.Size ?? existing?.Size ?? template.DefaultSize);
    }

    private TemplateRef ResolveTemplate(ProvisionRequest request, TenantRecord? existing)
    {
        var requested = request.Template is null ? null : TemplateRef.Parse(request.Template);
        if (existing is null || existing.Status == TenantStatus.Destroyed)
        {
            return requested ?? (existing is null ? templates.DefaultRef(options.DefaultTemplate) : TemplateRef.Parse(existing.TemplateRef));
        }

        if (existing.Status is TenantStatus.Upgrading or TenantStatus.RollingBack or TenantStatus.NeedsAttention)
        {
            throw new BadInputException(
                $"tenant {existing.Name} is {existing.Status} (an upgrade was interrupted or its rollback failed); converging now could run the wrong version against its data",
                $"finish it with `provision upgrade {existing.Name} --resume`");
        }

        var current = TemplateRef.Parse(existing.TemplateRef);
        if (requested is not null && (requested.Product != current.Product || (requested.Version is not null && requested.Version != current.Version)))
        {
            templates.Resolve(requested); // an unknown version is reported as such, with the versions that exist
            throw new BadInputException(
                $"tenant {existing.Name} runs {existing.TemplateRef}, not {requested}",
                $"a version change backs up the database first: `provision upgrade {existing.Name} --to {requested.Version?.ToNormalizedString() ?? "VERSION"}`; rerun without --template to converge");
        }

        return current;
    }

    /// <summary>Records intent before any resource exists: status, generated secrets (encrypted) and the entry port.</summary>
    private async Task<(TenantRecord Tenant, TenantSecrets Secrets)> ReserveAsync(
        string name, ProductTemplate template, string size, string host, TenantRecord? existing, long operation, CancellationToken ct,
        DateTimeOffset? expiresAt)
    {
        using var stepScope = log.BeginScope(LogScopes.ForStep("reserve"));
        var step = await registry.Journal.StepAsync(operation, "reserve", "secrets and entry port", ct);
        var known = existing is null ? TenantSecrets.Empty : TenantSecrets.Open(protector, existing.EncryptedSecrets, name);
        var secrets = known.WithGenerated(template.Secrets);
        var encrypted = secrets.Seal(protector, name);
        var now = time.GetUtcNow();
        var tenant = (existing ?? NewRecord(name, template, size, encrypted)) with
        {
            Product = template.Product,
            Version = template.Version.ToNormalizedString(),
            Size = size,
            Backend = backend.Kind,
            Host = host,
            Status = TenantStatus.Provisioning,
            EncryptedSecrets = encrypted,
            LastError = null,
            UpdatedAt = now,
            ExpiresAt = expiresAt ?? existing?.ExpiresAt,
        };
        var reallocate = false;
        if (tenant.HostPort is int port && !isPortFree(port) && !await PublishesAsync(name, port, ct))
        {
            // Someone else took the recorded port while the tenant was down: hand out a new one instead of failing forever
            // (a new port, never none: with the edge on, none would move the tenant behind it, which its networks are not made for).
            log.LogWarning("{Tenant}: port {Port} is taken by another process; allocating a new one", name, port);
            tenant = tenant with { HostPort = null };
            reallocate = true;
        }

        if (template.Entry is null || tenant.HostPort is not null || (options.Edge is not null && !reallocate))
        {
            // Behind the edge the entry publishes no port of its own: none is reserved.
            await registry.SaveAsync(tenant, ct);
        }
        else
        {
            tenant = await registry.SaveWithNewPortAsync(tenant, options.FirstPort, options.LastPort, isPortFree, ct);
        }

        await registry.Journal.EndStepAsync(step, JournalStatus.Done, tenant.HostPort is null ? null : $"port {tenant.HostPort}", ct);
        return (tenant, secrets);
    }

    private Task<bool> PublishesAsync(string tenant, int port, CancellationToken ct) => backend.PublishesAsync(tenant, $"{options.PublishAddress}:{port}", ct);

    private TenantRecord NewRecord(string name, ProductTemplate template, string size, byte[] secrets)
    {
        var now = time.GetUtcNow();
        return new TenantRecord(
            name, template.Product, template.Version.ToNormalizedString(), size, backend.Kind, backend.Host, TenantStatus.Provisioning,
            null, null, secrets, null, now, now);
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
        await registry.Journal.EndAsync(operation, report.Passed ? JournalStatus.Succeeded : JournalStatus.Failed, report.Failure, ct);
        var result = new ProvisionResult(final, applied.Changes, report, false, logTail, time.GetElapsedTime(start));
        if (!report.Passed)
        {
            log.LogError("{Tenant} failed its health gate: {Failure}", tenant.Name, report.Failure);
            throw new TenantUnhealthyException(result);
        }

        log.LogInformation("{Tenant} is healthy at {Endpoint} after {Changes} change(s)", tenant.Name, final.Endpoint, applied.Changes.Count);
        return result;
    }
}
