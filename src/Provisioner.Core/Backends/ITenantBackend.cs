using Provisioner.Core.Reconcile;
using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Backends;

/// <summary>
/// Where tenants run (a Docker engine, an AWS account...). Works at the level of whole stamps so that a backend
/// with its own diff engine (Pulumi) fits as well as one that reconciles resource by resource (Docker).
/// </summary>
public interface ITenantBackend
{
    /// <summary>"docker", "aws".</summary>
    string Kind { get; }

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

    /// <summary>Removes the tenant's resources; its data volumes only when <paramref name="deleteData"/>.</summary>
    Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, CancellationToken ct);

    /// <summary>Runs a command inside a component (used by SQL probes and backups).</summary>
    Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct);

    /// <summary>
    /// Runs a command inside a component with <paramref name="stdin"/> as its standard input (used to restore a database).
    /// Backends that cannot stream input keep the default, which says so.
    /// </summary>
    Task<CommandResult> ExecWithInputAsync(string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdin, CancellationToken ct) =>
        throw new NotSupportedException($"the {Kind} backend cannot stream input into a component");

    /// <summary>Runs a command inside a component, writing its standard output to <paramref name="stdout"/> as it arrives (e.g. a database dump).</summary>
    Task<CommandResult> ExecToStreamAsync(string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdout, CancellationToken ct) =>
        throw new NotSupportedException($"the {Kind} backend cannot stream output from a component");

    /// <summary>Stops one component (and keeps it, so apply can replace or restart it). A missing component is not an error.</summary>
    Task StopComponentAsync(string tenant, string component, CancellationToken ct) =>
        throw new NotSupportedException($"the {Kind} backend cannot stop a single component");

    /// <summary>The component's last log lines (stdout and stderr), or an empty string when it does not exist.</summary>
    Task<string> GetLogsAsync(string tenant, string component, int tail, CancellationToken ct);
}
