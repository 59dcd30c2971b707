using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Backends;

/// <summary>
/// Where tenants run. Works at the level of whole stamps so that a backend with its own diff engine (Pulumi) fits as well
/// as one that reconciles resource by resource (an engine). What only some backends can do is a capability interface
/// (<see cref="IComponentExec"/>, <see cref="IComponentStreams"/>, <see cref="IComponentControl"/>, <see cref="IVolumeAccess"/>,
/// <see cref="IComponentAddresses"/>)
/// that Core asks for, never a method that throws.
/// </summary>
public interface ITenantBackend
{
    /// <summary>The kind recorded for tenants placed here.</summary>
    BackendKind Kind { get; }

    /// <summary>The host or account tenants are placed on, as recorded in the registry.</summary>
    string Host { get; }

    /// <summary>Checks the backend can apply this stamp (reachable, images present) without changing anything.</summary>
    Task PreflightAsync(Stamp stamp, CancellationToken ct);

    /// <summary>What <see cref="ApplyAsync"/> would change, without changing it.</summary>
    Task<IReadOnlyList<PlannedChange>> PlanAsync(Stamp stamp, CancellationToken ct);

    /// <summary>Converges the tenant to the stamp, applying only the difference; safe to rerun after any interruption.</summary>
    Task<ApplyResult> ApplyAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct);

    /// <summary>What exists for the tenant now.</summary>
    Task<TenantObservation> ObserveAsync(string tenant, CancellationToken ct);

    /// <summary>
    /// Whether one of the tenant's running components publishes <paramref name="address"/> (<c>127.0.0.1:20000</c>): a
    /// recorded port that is not free is the tenant's own, not another process's. Asked on every rerun; the default
    /// reads the whole observation, a backend may answer with less.
    /// </summary>
    async Task<bool> PublishesAsync(string tenant, string address, CancellationToken ct) =>
        (await ObserveAsync(tenant, ct)).Components.Any(c => c.IsRunning && c.PublishedOn == address);

    /// <summary>Removes the tenant's resources; its data volumes only when <paramref name="deleteData"/>.</summary>
    Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct);

    /// <summary>The component's last log lines (stdout and stderr), or an empty string when it does not exist.</summary>
    Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct);
}
