using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Provisioning;

/// <summary>Live status of one tenant: registry record + backend observation + one run of every health check.</summary>
internal sealed class TenantStatusService(ITenantRegistry registry, ITenantBackend backend, ITemplateCatalog templates, HealthGate health)
{
    public async Task<TenantStatusReport> GetAsync(string name, CancellationToken ct)
    {
        TenantName.Validate(name);
        var tenant = await registry.GetAsync(name, ct);
        var observation = await backend.ObserveAsync(name, ct);
        if (tenant is null && !observation.Exists)
        {
            throw new BadInputException($"no tenant named '{name}'", "`provision list` shows the tenants");
        }

        HealthReport? report = null;
        IReadOnlyList<string> missing = [];
        if (tenant is not null && tenant.Status != TenantStatus.Destroyed && observation.Components.Count > 0)
        {
            var template = templates.Resolve(TemplateRef.Parse(tenant.TemplateRef));
            missing = observation.MissingOf(template);   // as `check` says it
            if (observation.Components.Any(c => c.IsRunning))
            {
                var endpoint = tenant.Endpoint is null ? null : new Uri(tenant.Endpoint);
                report = await health.CheckOnceAsync(new ProbeTarget(name, template, endpoint, backend), template.AllChecks, ct);
            }
        }

        var operations = await registry.Journal.ListAsync(name, 5, ct);
        return new TenantStatusReport(tenant, observation, report, operations) { Missing = missing };
    }
}
