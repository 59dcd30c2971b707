using Provisioner.Core.Backends;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Health;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Backups;

/// <summary>
/// Stops a tenant's writers (every component but those serving data, and its jobs) and brings the tenant back: its stamp
/// applied again (which starts what was stopped) and the health gate. Times the pause from the first stop to healthy.
/// </summary>
internal sealed class WriterPause(
    ITenantBackend backend, TenantData data, StampApplier applier, HealthGate health, ISecretProtector protector, ProvisionerOptions options, TimeProvider time)
{
    private long? _stoppedAt;

    /// <summary>What was stopped (each component once), to report.</summary>
    public IReadOnlyList<string> Stopped { get; private set; } = [];

    public TimeSpan Elapsed => _stoppedAt is { } at ? time.GetElapsedTime(at) : TimeSpan.Zero;

    /// <summary>Where the tenant answers after <see cref="ResumeAsync"/> (the apply's endpoint; null before or when it has none).</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>Every component that writes (all but those serving data) and the template's jobs.</summary>
    public IReadOnlyList<string> Writers(ProductTemplate template) => data.Writers(template).Concat(template.Jobs.Select(j => j.Name)).ToList();

    /// <summary>
    /// Refuses (bad input) a tenant this run could not start again: one behind the edge while the edge is off for this run
    /// (its stamp would have no address: <see cref="Edge.LeavingTheEdge"/>). Operations call it before they change
    /// anything (a restore before it stages the copy and marks the tenant Restoring); <see cref="StopAsync"/> calls it too.
    /// </summary>
    public void RefuseUnresumable(TenantRecord tenant, ProductTemplate template)
    {
        if (Edge.LeavingTheEdge.WhyNot(tenant, template, options) is { } why)
        {
            throw new BadInputException(why, Edge.LeavingTheEdge.Hint(tenant.Name));
        }
    }

    /// <summary>
    /// Stops <paramref name="components"/> of <paramref name="tenant"/> at once (a missing one is no error); the pause starts
    /// with the first stop. Nothing is stopped that <see cref="ResumeAsync"/> could not start again (<see cref="RefuseUnresumable"/>).
    /// </summary>
    public async Task StopAsync(TenantRecord tenant, ProductTemplate template, IReadOnlyList<string> components, IProgress<string>? progress, CancellationToken ct)
    {
        var control = backend.Require<IComponentControl>("stop a component while its data is copied or replaced");
        RefuseUnresumable(tenant, template);
        progress?.Report($"{tenant.Name}: stopping {string.Join(", ", components)}");
        _stoppedAt ??= time.GetTimestamp();
        Stopped = Stopped.Union(components).ToList();
        await Task.WhenAll(components.Select(c => control.StopComponentAsync(tenant.Name, c, ct)));
    }

    /// <summary>Applies the tenant's stamp (starting anything stopped) and waits until every check passes.</summary>
    public async Task<HealthReport> ResumeAsync(TenantRecord tenant, ProductTemplate template, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var stamp = StampBuilder.Build(template, tenant, options);
        var secrets = TenantSecrets.Open(protector, tenant.EncryptedSecrets, tenant.Name);
        var applied = await applier.ApplyAsync(stamp, secrets, operation, progress, ct);
        Endpoint = applied.Endpoint;
        progress?.Report($"{tenant.Name}: health gate");
        return await health.WaitHealthyAsync(new ProbeTarget(tenant.Name, template, applied.Endpoint, backend), template.AllChecks, ct);
    }

    /// <summary>As <see cref="ResumeAsync"/>, but a tenant that does not come back healthy is an error.</summary>
    public async Task<HealthReport> ResumeHealthyAsync(TenantRecord tenant, ProductTemplate template, long operation, IProgress<string>? progress, CancellationToken ct)
    {
        var report = await ResumeAsync(tenant, template, operation, progress, ct);
        return report.Passed ? report : throw new ProvisionerException($"{tenant.Name} is not healthy after starting again: {report.Failure}", ExitCodes.Unhealthy);
    }
}
