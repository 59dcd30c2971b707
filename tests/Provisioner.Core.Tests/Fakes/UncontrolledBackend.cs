using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>An <see cref="InMemoryBackend"/> seen through <see cref="ITenantBackend"/> only: a backend that cannot stop a component (no <see cref="IComponentControl"/>).</summary>
internal sealed class UncontrolledBackend(InMemoryBackend inner) : ITenantBackend
{
    public BackendKind Kind { get; } = BackendKind.Of("rollout");

    public string Host => inner.Host;

    public Task PreflightAsync(Stamp stamp, CancellationToken ct) => inner.PreflightAsync(stamp, ct);

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct) => inner.PlanAsync(stamp, ct);

    public Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct) => inner.ApplyAsync(stamp, secrets, context, ct);

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct) => inner.ObserveAsync(tenant, ct);

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct) => inner.DestroyAsync(tenant, deleteData, ct);

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) => inner.GetLogsAsync(tenant, component, tail, ct);
}
