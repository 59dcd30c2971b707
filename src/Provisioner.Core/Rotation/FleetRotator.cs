using Microsoft.Extensions.Logging;
using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Rotation;

/// <summary>
/// <c>provision rotate --all</c>: every tenant that runs and has a rotatable secret, at most <c>parallel</c> at a time,
/// each as <see cref="SecretRotator"/> does it alone. A tenant that fails is reported with its error and the others go on;
/// destroyed and suspended tenants, and those whose template has nothing to rotate, are left out.
/// </summary>
internal sealed class FleetRotator(ITenantRegistry registry, ITemplateCatalog templates, Func<BackendKind, SecretRotator> rotators, TimeProvider time, ILogger<FleetRotator> log)
{
    public async Task<IReadOnlyList<RotationResult>> RotateAllAsync(int parallel, IProgress<string>? progress, CancellationToken ct)
    {
        FleetFanOut.RequireParallel(parallel, 4);

        var tenants = (await registry.ListAsync(ct))
            .Where(t => t.Status is not (TenantStatus.Destroyed or TenantStatus.Suspended) && HasRotatable(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return await FleetFanOut.RunAsync(tenants, parallel, async t =>
        {
            var start = time.GetTimestamp();
            try
            {
                var result = await rotators(t.Backend).RotateAsync(t.Name, null, Prefixed(t.Name, progress), ct);
                progress?.Report($"{t.Name}: rotated {string.Join(", ", result.Secrets.Select(s => s.Secret))}");
                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning("{Tenant}: rotation failed: {Error}", t.Name, e.Message);
                progress?.Report($"{t.Name}: failed: {e.Message}");
                return new RotationResult(t.Name, [], 0, time.GetElapsedTime(start), e.Message);
            }
        }, ct);
    }

    private bool HasRotatable(TenantRecord tenant)
    {
        try
        {
            return RotatableSecrets.Find(templates.Resolve(TemplateRef.Parse(tenant.TemplateRef))).Count > 0;
        }
        catch (ProvisionerException)
        {
            return true; // its template is gone: the rotation says so for this tenant
        }
    }

    private static Progress? Prefixed(string tenant, IProgress<string>? progress) => progress is null ? null : new Progress(tenant, progress);

    private sealed class Progress(string tenant, IProgress<string> inner) : IProgress<string>
    {
        public void Report(string value) => inner.Report($"{tenant}: {value}");
    }
}
