using Provisioner.Core.Secrets;
using Provisioner.Core.Stamps;

namespace Provisioner.Core.Backends;

/// <summary>
/// A backend that can upgrade a tenant while its running version keeps serving (a quiet upgrade, for a migration the
/// template marks as compatible with that version): the migration alone first, then the new version's components
/// started beside the old ones and switched to, and the old ones retired.
/// </summary>
public interface IQuietSwitch
{
    /// <summary>Runs the stamp's before-jobs that have not run at its spec (the migration) and nothing else: the running components keep serving.</summary>
    Task RunMigrationAsync(Stamp stamp, TenantSecrets secrets, ApplyContext context, CancellationToken ct);

    /// <summary>
    /// Whether customers reach the stamp's entry through something that can switch to another container without a gap
    /// (the edge proxy); otherwise the new version replaces the old one in place, and the tenant is down for that swap.
    /// </summary>
    bool SwitchesWithoutGap(Stamp stamp);

    /// <summary>
    /// Starts the new version of each of <paramref name="components"/> beside the running one and waits until each
    /// answers its own readiness inside its container (an entry's http checks; else running); throws when one does not.
    /// </summary>
    Task StartBesideAsync(Stamp stamp, IReadOnlyList<string> components, TenantSecrets secrets, TimeSpan timeout, IProgress<string>? progress, CancellationToken ct);

    /// <summary>The started copies take the components' names (and with them the edge's route); the old ones keep running under another name.</summary>
    Task SwitchAsync(string tenant, IReadOnlyList<string> components, CancellationToken ct);

    /// <summary>Undoes <see cref="SwitchAsync"/> and <see cref="StartBesideAsync"/>: the old containers serve under their names again, the new ones are removed.</summary>
    Task SwitchBackAsync(string tenant, IReadOnlyList<string> components, CancellationToken ct);

    /// <summary>Stops (gracefully) and removes the old containers once the new version has passed its gate.</summary>
    Task RetireOldAsync(string tenant, IReadOnlyList<string> components, CancellationToken ct);
}
