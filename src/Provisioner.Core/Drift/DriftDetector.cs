using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Drift;

/// <summary>
/// <c>provision drift</c>: compares intent (the registry and each tenant's stamp) with the engine, read only. Each tenant's plan
/// against the stamp says what differs (the backend marks containers whose image or limits changed by hand); volumes the stamp
/// does not know, compute left by a destroyed or suspended tenant, a tenant with nothing on the engine, and (for every tenant)
/// resources this registry made for a tenant it no longer has. Only backends that can list their engine (Docker) are compared.
/// </summary>
internal sealed class DriftDetector(
    ITenantRegistry registry,
    ITemplateCatalog templates,
    ProvisionerOptions options,
    Func<BackendKind, ITenantBackend> backends,
    Func<IEngineInventory?> inventory,
    TimeProvider time)
{
    public async Task<DriftReport> DetectAsync(string? tenant, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        var recorded = await registry.ListAsync(ct);
        IReadOnlyList<TenantRecord> selected = recorded;
        if (tenant is not null)
        {
            TenantName.Validate(tenant);
            selected = recorded.Where(t => t.Name == tenant).ToList();
        }

        var findings = new List<DriftFinding>();
        var compared = new List<string>();
        var notCompared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in selected.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            ITenantBackend backend;
            try
            {
                backend = backends(t.Backend);
            }
            catch (ProvisionerException e)
            {
                notCompared[t.Name] = $"backend not configured here ({t.Backend.Name}): {e.Message}";
                continue;
            }

            if (backend is not IEngineInventory)
            {
                notCompared[t.Name] = $"on {t.Backend.Name}: drift is compared on a Docker engine only";
                continue;
            }

            if (t.Status is TenantStatus.Upgrading or TenantStatus.RollingBack or TenantStatus.NeedsAttention or TenantStatus.Restoring)
            {
                notCompared[t.Name] = $"{t.Status}: an operation is unfinished (finish it first: `provision upgrade {t.Name} --resume` or `provision restore {t.Name}`)";
                continue;
            }

            var (found, why) = await TenantAsync(t, backend, ct);
            if (why is not null)
            {
                notCompared[t.Name] = why;
                continue;
            }

            findings.AddRange(found);
            compared.Add(t.Name);
        }

        var known = recorded.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var owned = await OwnedAsync(ct);
        foreach (var group in owned.Where(r => !known.Contains(r.Tenant) && (tenant is null || r.Tenant == tenant)).GroupBy(r => r.Tenant).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            findings.Add(new DriftFinding(
                group.Key, DriftKind.Unregistered, string.Join(", ", group.Select(r => $"{r.Type} {r.Name}")), "labelled with a tenant this registry does not have"));
        }

        if (tenant is not null && selected.Count == 0 && findings.Count == 0)
        {
            throw new BadInputException($"no tenant named '{tenant}' in the registry or on the engine", "`provision list` shows the tenants; `provision drift --all` compares them all");
        }

        return new DriftReport(findings, compared, notCompared, time.GetElapsedTime(start));
    }

    private async Task<IReadOnlyList<OwnedResource>> OwnedAsync(CancellationToken ct) =>
        inventory() is { } engine ? await engine.OwnedResourcesAsync(ct) : [];

    /// <summary>The tenant's differences, or why it cannot be compared in this run (then no findings).</summary>
    private async Task<(IReadOnlyList<DriftFinding> Findings, string? NotCompared)> TenantAsync(TenantRecord tenant, ITenantBackend backend, CancellationToken ct)
    {
        var observation = await backend.ObserveAsync(tenant.Name, ct);
        if (tenant.Status is TenantStatus.Destroyed or TenantStatus.Suspended)
        {
            // Their data volumes are kept on purpose; compute is not.
            return (observation.Components.Select(c => $"container {c.Name}").Concat(observation.Networks.Select(n => $"network {n}"))
                .Select(r => new DriftFinding(tenant.Name, DriftKind.Leftover, r, $"the tenant is {tenant.Status}: it should run nothing"))
                .ToList(), null);
        }

        if (!observation.Exists)
        {
            return ([new DriftFinding(tenant.Name, DriftKind.Nothing, "-", $"the registry has it ({tenant.Status}, {tenant.TemplateRef}); the engine has none of its containers, networks or volumes")], null);
        }

        var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
        if (Edge.LeavingTheEdge.WhyNot(tenant, template, options) is not null)
        {
            return ([], "behind the edge proxy, which is off for this run: its stamp is the edge's (run drift with the edge on)");
        }

        // With the options' edge: a tenant behind it is stamped with its https address (a template's ${tenant.url}) and route labels.
        var stamp = StampBuilder.Build(template, tenant, options);
        var findings = (await backend.PlanAsync(stamp, ct)).Select(c => DriftFindings.From(tenant.Name, c)).ToList();
        var volumes = stamp.Volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(observation.Volumes.Where(v => !volumes.Contains(v))
            .Select(v => new DriftFinding(tenant.Name, DriftKind.Unknown, $"volume {v}", "carries the tenant's labels but its stamp has no such volume (data: reconcile keeps it)")));
        return (findings, null);
    }
}
