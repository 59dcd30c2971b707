using Provisioner.Core.Audit;
using Provisioner.Core.Backups;
using Provisioner.Core.Capacity;
using Provisioner.Core.Checks;
using Provisioner.Core.Cloning;
using Provisioner.Core.Drift;
using Provisioner.Core.Hosts;
using Provisioner.Core.Lifecycle;
using Provisioner.Core.Maintenance;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Reconcile;
using Provisioner.Core.Templates;
using Provisioner.Core.Tenants;
using Provisioner.Core.Upgrades;
using Provisioner.Registry.Secrets;
using Provisioner.Registry.Transfer;

namespace Provisioner;

/// <summary>
/// provision as a library: everything the <c>provision</c> command does, for a program that wants it without shelling
/// out (a signup flow, an admin portal, a CI step). Made by <see cref="ProvisionerBuilder"/>. Every method is safe to
/// call again after a failure or a crash: the work converges. Errors are <see cref="Core.Errors.ProvisionerException"/>s
/// with an <c>ExitCode</c> and a hint saying what to do next.
/// </summary>
public interface IProvisioner : IDisposable
{
    /// <summary>The settings it was built with.</summary>
    ProvisionerSettings Settings { get; }

    /// <summary>The edge proxy in use: the settings' or, when they name none, the one the home recorded; null when off.</summary>
    Core.Edge.EdgeOptions? Edge { get; }

    /// <summary>Creates a tenant, or converges an existing one, and gates on its health (throws <see cref="TenantUnhealthyException"/> if it fails).</summary>
    Task<ProvisionResult> ProvisionAsync(ProvisionRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a tenant's compute; with <paramref name="deleteData"/>, its volumes, backups and registry entry too.</summary>
    Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData = false, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The cluster's nodes (swarm backend): state, availability, the tenants whose data each holds, free capacity.</summary>
    Task<IReadOnlyList<HostStatus>> HostsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drains a node (<paramref name="drain"/>: its stateless work moves to other nodes; <paramref name="force"/> is needed when it
    /// holds tenants' data, which this call does not move: <see cref="DrainHostAsync"/> does) or makes it active again.
    /// Returns the node afterwards.
    /// </summary>
    Task<HostStatus> SetHostAvailabilityAsync(string host, bool drain, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves every tenant whose data a node holds to other nodes with its data (verified backup, restore there, checksums
    /// compared, health gate, switch), one at a time, then drains the node; resumable. See <see cref="Core.Hosts.HostDrainer"/>.
    /// </summary>
    Task<HostDrainResult> DrainHostAsync(string host, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>One tenant: its record, what runs, one run of every check, its recent operations.</summary>
    Task<TenantStatusReport> StatusAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>Every tenant the registry knows.</summary>
    Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs every check and journey of one tenant (or of all, <see cref="CheckRequest.Tenant"/> null) once, at most
    /// <see cref="CheckRequest.Parallel"/> tenants at a time, and records each result in the registry (the newest
    /// <see cref="CheckRequest.Keep"/> per tenant are kept). Destroyed tenants are skipped; a tenant on a backend not
    /// configured here is unknown. The result carries each checked tenant's recent history; render it with <see cref="CheckMetrics"/>.
    /// </summary>
    Task<FleetCheckResult> CheckAsync(CheckRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every difference between intent (the registry and each tenant's stamp) and the engine, for one tenant or all
    /// (<paramref name="tenant"/> null): containers removed, stopped, replaced by hand, an image swapped, limits changed, resources
    /// the stamp does not know, a tenant with nothing on the engine, and resources of a tenant this registry made but no longer has.
    /// Changes nothing.
    /// </summary>
    Task<DriftReport> DriftAsync(string? tenant = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Converges one tenant or all (<paramref name="tenant"/> null), at most <paramref name="parallel"/> at a time, as a rerun of
    /// <see cref="ProvisionAsync"/> does for each (stopped containers started with their secrets again, drifted ones replaced,
    /// health-gated); removes the compute of destroyed, suspended and unregistered tenants (data volumes kept).
    /// </summary>
    Task<ReconcileReport> ReconcileAsync(string? tenant = null, int parallel = 4, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The waves an upgrade would run, and the tenants it leaves out and why, without changing anything.</summary>
    Task<FleetPlan> PlanUpgradeAsync(FleetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Upgrades tenants in health-gated waves with automatic rollback (data restored) per tenant.</summary>
    Task<FleetResult> UpgradeAsync(FleetRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Continues the newest fleet upgrade a dead process left, or runs <paramref name="fallback"/>; null when there is neither.</summary>
    Task<FleetResult?> ResumeUpgradeAsync(FleetRequest? fallback, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Brings one tenant left mid-upgrade to a consistent state, retrying a failed rollback (asked for by name).</summary>
    Task<TenantRecord> RecoverAsync(string tenant, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Keeps a tenant on <paramref name="version"/> (fleet upgrades skip it); null removes the pin.</summary>
    Task<TenantRecord> PinAsync(string tenant, string? version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets <paramref name="tenant"/>'s maintenance window (<c>Sun 02:00-04:00 UTC</c>, see <see cref="MaintenanceWindow.Parse"/>:
    /// a malformed one is bad input and changes nothing), or clears it when null. <c>upgrade --all</c> then touches the tenant only
    /// while its window is open.
    /// </summary>
    Task<TenantRecord> SetWindowAsync(string tenant, string? window, CancellationToken cancellationToken = default);

    /// <summary>Freezes the fleet until <paramref name="until"/>: <see cref="EnsureMayChangeAsync"/> refuses every change unless forced.</summary>
    Task<FleetFreeze> FreezeAsync(DateTimeOffset until, string reason, string setBy, CancellationToken cancellationToken = default);

    /// <summary>Lifts the freeze; returns the one that held (null when the fleet was not frozen).</summary>
    Task<FleetFreeze?> UnfreezeAsync(CancellationToken cancellationToken = default);

    /// <summary>The freeze in force now (null when none: never set, lifted, or past its end).</summary>
    Task<FleetFreeze?> ActiveFreezeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The gate a change passes (the CLI calls it before every mutating command but freeze/unfreeze): throws
    /// <see cref="FleetFrozenException"/> (exit 3) while the fleet is frozen, unless <paramref name="force"/>; returns the freeze a
    /// forced change went through, if any. <paramref name="command"/> names the change in the error.
    /// </summary>
    Task<FleetFreeze?> EnsureMayChangeAsync(string command, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a verified backup of every data component of <paramref name="tenant"/> (online where its data allows, else with
    /// its writers briefly stopped), then applies the retention policy to its on-demand backups.
    /// </summary>
    Task<BackupResult> BackupAsync(string tenant, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Backs up every tenant with data, at most <paramref name="parallel"/> at a time; one tenant's failure is its outcome.</summary>
    Task<FleetBackupResult> BackupAllAsync(int parallel = 2, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The backup sets of <paramref name="tenant"/> (or of every tenant), newest first, complete or not. A tenant the
    /// registry does not know and that has no backups is bad input.
    /// </summary>
    Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(string? tenant = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the data of <paramref name="tenant"/> with backup <paramref name="from"/> (default: the newest complete one, or
    /// the one an interrupted restore was using): staged and checked beside the live data, then swapped in, then health-checked.
    /// </summary>
    Task<RestoreResult> RestoreAsync(string tenant, string? from = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops a tenant's compute (containers and networks removed) and keeps its data volumes, secrets, entry port and backups;
    /// it is then Suspended and reserves its disk but no CPU or memory. Fleet upgrades and <c>backup --all</c> skip it.
    /// </summary>
    Task<TenantRecord> SuspendAsync(string tenant, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets a new password for <paramref name="secret"/> (every rotatable secret when null: the passwords of the tenant's
    /// PostgreSQL data components) in its database, delivers it to every component that uses it, verifies the new one logs
    /// in over TCP and the old one is refused, then runs the health checks. Finishes a rotation an earlier run began.
    /// </summary>
    Task<Core.Rotation.RotationResult> RotateAsync(string tenant, string? secret = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Rotates every running tenant's rotatable secrets, at most <paramref name="parallel"/> tenants at a time; a failed tenant carries its error.</summary>
    Task<IReadOnlyList<Core.Rotation.RotationResult>> RotateAllAsync(int parallel = 4, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings a suspended tenant back: admitted by the capacity check again (exit 4 when its host is full), started, and
    /// health-gated as a provision is (throws <see cref="TenantUnhealthyException"/>).
    /// </summary>
    Task<ProvisionResult> ResumeAsync(string tenant, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a final verified backup of <paramref name="tenant"/>, keeps it (with a record of the tenant) for <paramref name="retain"/>,
    /// then removes the tenant entirely: containers, networks, volumes, its own backups, registry entry.
    /// </summary>
    Task<OffboardResult> OffboardAsync(string tenant, TimeSpan retain, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The offboarded tenants' final backups, oldest offboarding first, with their keep-until dates.</summary>
    IReadOnlyList<OffboardedSet> ListOffboarded();

    /// <summary>
    /// Re-creates an offboarded tenant at its recorded version, size and backend, with new secrets, and restores the data of its final
    /// backup (<paramref name="from"/>: an id from <see cref="ListOffboarded"/>; default its newest); health-gated.
    /// </summary>
    Task<RestoreOffboardedResult> RestoreOffboardedAsync(string tenant, string? from = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates tenant <see cref="CloneRequest.Name"/> on the source's template and version with its own new secrets and a verified
    /// copy of the source's data (the source keeps serving when its data is all in database servers), masked before it is swapped
    /// in when the template declares masks (<see cref="CloneRequest.Mask"/>); health-gated; a rerun finishes an interrupted clone.
    /// </summary>
    Task<CloneResult> CloneAsync(CloneRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the offboarded backups whose keep-until has passed, and only those (with <paramref name="dryRun"/>, only says which).</summary>
    Task<PurgeResult> PurgeAsync(bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes, with all their data, the tenants whose expiry (<see cref="ProvisionRequest.Ttl"/>) has passed; with
    /// <paramref name="dryRun"/>, only says which. Nothing else ever removes a tenant because it expired.
    /// </summary>
    Task<ExpireResult> ExpireAsync(bool dryRun = false, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Hosts, reservations, usage and how many more of each size fit; with a size in the query, a yes/no verdict.</summary>
    Task<CapacityResult> CapacityAsync(CapacityQuery query, bool fromRegistry = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole registry as JSON lines to <paramref name="output"/>: tenants (with pins and their secrets, still
    /// encrypted), the operation journal and capacity history. The secret key is never written; the export names it by a one-way id.
    /// </summary>
    Task<RegistryTransferCounts> ExportRegistryAsync(TextWriter output, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads an export into this registry, all of it in one transaction or nothing. Tenants the registry already has are
    /// refused (exit 3) unless <paramref name="replace"/>; journal entries and snapshots it already has are skipped. The
    /// secrets must be encrypted with this home's key. <paramref name="source"/> names the input in errors (a file name).
    /// </summary>
    Task<RegistryTransferCounts> ImportRegistryAsync(TextReader input, string source, bool replace = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the key that encrypts tenant secrets with a new random one and re-encrypts every tenant's secrets (a
    /// registry of one home). Resumable after a kill; a tenant whose lock is held stops it (exit 3) until rerun.
    /// </summary>
    Task<KeyRotationResult> RotateSecretKeyAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The edge proxy's CA root certificate, exported to <c>&lt;Home&gt;/edge/&lt;name&gt;-ca.crt</c> (refreshed from the running
    /// edge), for a client to trust: its path. <paramref name="backend"/> (<c>docker</c> or <c>swarm</c>; null: the default
    /// backend) says whose edge: the engine's or the cluster's. Bad input when the edge is off; an error when the edge has no CA yet.
    /// </summary>
    Task<string> EdgeCaFileAsync(string? backend, CancellationToken cancellationToken = default);

    /// <summary>The default backend's edge CA root (<see cref="EdgeCaFileAsync(string?, CancellationToken)"/>).</summary>
    Task<string> EdgeCaFileAsync(CancellationToken cancellationToken = default) => EdgeCaFileAsync(null, cancellationToken);

    /// <summary>The edge <paramref name="backend"/>'s new tenants go behind (null: the default backend's); null when it has none or the edge is off.</summary>
    Core.Edge.EdgeOptions? EdgeFor(string? backend = null);

    /// <summary>
    /// Converges the edge proxy: (re)creates its container if it is gone, attaches it to every tenant it serves and loads
    /// all their routes (rebuilt from the engine), exports its CA. Returns the number of routes. Bad input when the edge is off.
    /// </summary>
    Task<int> SyncEdgeAsync(string? backend, CancellationToken cancellationToken = default);

    /// <summary>Converges the default backend's edge (<see cref="SyncEdgeAsync(string?, CancellationToken)"/>).</summary>
    Task<int> SyncEdgeAsync(CancellationToken cancellationToken = default) => SyncEdgeAsync(null, cancellationToken);

    /// <summary>
    /// Removes the edge proxy (its container, network and volume, with its own CA) when no tenant is behind it any more.
    /// Returns false when there was nothing to remove. Refused (an error naming them) while tenants are routed through it;
    /// bad input when the edge is off.
    /// </summary>
    Task<bool> RemoveEdgeAsync(string? backend, CancellationToken cancellationToken = default);

    /// <summary>Removes the default backend's edge (<see cref="RemoveEdgeAsync(string?, CancellationToken)"/>).</summary>
    Task<bool> RemoveEdgeAsync(CancellationToken cancellationToken = default) => RemoveEdgeAsync(null, cancellationToken);

    /// <summary>Records one run of a mutating command in the registry's audit log (the CLI does this for each).</summary>
    Task RecordAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The audit log, newest first: every mutating command (who, what, when, outcome); with a tenant, those naming it.</summary>
    Task<IReadOnlyList<AuditEntry>> HistoryAsync(string? tenant = null, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Where the registry is (<c>SQLite at ...</c> or <c>PostgreSQL at host:port/database</c>; never a password).</summary>
    string RegistryDescription { get; }

    /// <summary>Every product version in the catalog, valid or not (with its problems).</summary>
    IReadOnlyList<TemplateEntry> ListTemplates();

    /// <summary>Validates a template file that need not be installed; throws <see cref="TemplateInvalidException"/> listing every problem.</summary>
    ProductTemplate ValidateTemplate(string path);
}
