using Provisioner.Core.Backends;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Registry.Tests.Fakes;

/// <summary>
/// A backend that applies a stamp in <paramref name="applyTime"/> (one journaled change) and remembers how often each tenant
/// was applied, so registry tests can drive the real provisioning code without an engine.
/// </summary>
internal sealed class InstantBackend(string host, TimeSpan applyTime, Func<string, Task>? duringApply = null) : ITenantBackend
{
    private readonly Dictionary<string, int> _applied = [];

    public BackendKind Kind { get; } = BackendKind.Of("fake");

    public string Host => host;

    public IReadOnlyDictionary<string, int> Applied
    {
        get
        {
            lock (_applied)
            {
                return new Dictionary<string, int>(_applied);
            }
        }
    }

    public Task PreflightAsync(Stamp stamp, CancellationToken ct) => Task.CompletedTask;

    public Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct) => Task.FromResult<IReadOnlyList<PlannedChange>>([Change(stamp.Tenant)]);

    public async Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct)
    {
        var change = Change(stamp.Tenant);
        await context.BeforeChange(change);
        await Task.Delay(applyTime, ct);
        if (duringApply is not null)
        {
            await duringApply(stamp.Tenant);
        }

        lock (_applied)
        {
            _applied[stamp.Tenant] = _applied.GetValueOrDefault(stamp.Tenant) + 1;
        }

        await context.AfterChange(change);
        return new ApplyResult([change], null);
    }

    public Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct) => Task.FromResult(new TenantObservation(tenant, [], [], []));

    public Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct) => Task.FromResult<IReadOnlyList<PlannedChange>>([]);

    public Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct) => Task.FromResult("");

    private static PlannedChange Change(string tenant) => new(ChangeKind.Create, ResourceType.Container, $"t-{tenant}-app", "missing");
}
