using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Tests.Upgrades;

/// <summary>A backend whose only behaviour is what <see cref="ObserveAsync"/> answers, scripted per call.</summary>
internal sealed class FakeObservedBackend(Func<int, ComponentObservation?> app) : ITenantBackend
{
    private int _calls;

    public BackendKind Kind { get; } = BackendKind.Of("fake");

    public string Host => "fake";

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct)
    {
        var component = app(++_calls);
        return Task.FromResult(new TenantObservation(tenant, component is null ? [] : [component], [], []));
    }

    public static ComponentObservation App(ComponentState state, DateTimeOffset? startedAt) =>
        new("app", "t-acme-app", WorkloadKind.Service, state, "notes-app:1.1.0", "notes@1.1.0", state.ToString().ToLowerInvariant(), startedAt, 0.25, 268435456, null);

    public Task PreflightAsync(Stamp stamp, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct) => throw new NotSupportedException();

    public Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct) => throw new NotSupportedException();

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) => Task.FromResult("");
}
