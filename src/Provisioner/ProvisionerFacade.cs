using Provisioner.Composition;
using Provisioner.Core.Audit;
using Provisioner.Core.Backends;
using Provisioner.Core.Backups;
using Provisioner.Core.Capacity;
using Provisioner.Core.Checks;
using Provisioner.Core.Cloning;
using Provisioner.Core.Drift;
using Provisioner.Core.Errors;
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

/// <summary>Each call picks the tenant's backend, builds the Core service for it and runs it.</summary>
internal sealed class ProvisionerFacade(Services services) : IProvisioner
{
    public ProvisionerSettings Settings => services.Settings;

    public Core.Edge.EdgeOptions? Edge => services.Options.Edge;

    public async Task<ProvisionResult> ProvisionAsync(ProvisionRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        TenantName.Validate(request.Name);
        var requested = request.Backend is null ? (BackendKind?)null : services.Backends.Parse(request.Backend);
        var kind = BackendChoice.Resolve(await services.Registry.GetAsync(request.Name, cancellationToken), requested, services.Backends.Default);
        return await services.Provisioner(kind).ProvisionAsync(request, progress, cancellationToken);
    }

    public async Task<IReadOnlyList<PlannedChange>> DestroyAsync(string tenant, bool deleteData, IProgress<string>? progress, CancellationToken cancellationToken) =>
        await services.Destroyer(await BackendOfAsync(tenant, cancellationToken)).DestroyAsync(tenant, deleteData, progress, cancellationToken);

    public async Task<TenantStatusReport> StatusAsync(string tenant, CancellationToken cancellationToken) =>
        await services.Status(await BackendOfAsync(tenant, cancellationToken)).GetAsync(tenant, cancellationToken);

    public Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken cancellationToken) => services.Registry.ListAsync(cancellationToken);

    public Task<FleetCheckResult> CheckAsync(CheckRequest request, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Checker().RunAsync(request, progress, cancellationToken);

    public Task<DriftReport> DriftAsync(string? tenant, CancellationToken cancellationToken) => services.Drift().DetectAsync(tenant, cancellationToken);

    public Task<ReconcileReport> ReconcileAsync(string? tenant, int parallel, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Reconciler().RunAsync(tenant, parallel, progress, cancellationToken);

    public Task<FleetPlan> PlanUpgradeAsync(FleetRequest request, CancellationToken cancellationToken) => services.Fleet().PlanAsync(request, cancellationToken);

    public Task<FleetResult> UpgradeAsync(FleetRequest request, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Fleet().RunAsync(request, progress, cancellationToken);

    public Task<FleetResult?> ResumeUpgradeAsync(FleetRequest? fallback, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Fleet().ResumeAsync(fallback, progress, cancellationToken);

    public Task<TenantRecord> RecoverAsync(string tenant, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Upgrader().RecoverAsync(TenantName.Validate(tenant), retryNeedsAttention: true, progress, cancellationToken);

    public Task<TenantRecord> PinAsync(string tenant, string? version, CancellationToken cancellationToken) =>
        new TenantPins(services.Templates, services.Registry, services.Locks, services.Time).PinAsync(tenant, version, cancellationToken);

    public Task<TenantRecord> SetWindowAsync(string tenant, string? window, CancellationToken cancellationToken) =>
        new TenantWindows(services.Registry, services.Locks, services.Time).SetAsync(tenant, window, cancellationToken);

    public Task<FleetFreeze> FreezeAsync(DateTimeOffset until, string reason, string setBy, CancellationToken cancellationToken) =>
        services.Freezer().FreezeAsync(until, reason, setBy, cancellationToken);

    public Task<FleetFreeze?> UnfreezeAsync(CancellationToken cancellationToken) => services.Freezer().UnfreezeAsync(cancellationToken);

    public Task<FleetFreeze?> ActiveFreezeAsync(CancellationToken cancellationToken) => services.Freezer().ActiveAsync(cancellationToken);

    public Task<FleetFreeze?> EnsureMayChangeAsync(string command, bool force, CancellationToken cancellationToken) =>
        services.Freezer().EnsureMayChangeAsync(command, force, cancellationToken);

    public async Task<BackupResult> BackupAsync(string tenant, IProgress<string>? progress, CancellationToken cancellationToken) =>
        await services.Backups(await BackendOfAsync(tenant, cancellationToken)).BackupAsync(tenant, progress, cancellationToken);

    public Task<FleetBackupResult> BackupAllAsync(int parallel, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.FleetBackup().RunAsync(parallel, progress, cancellationToken);

    public async Task<IReadOnlyList<BackupInfo>> ListBackupsAsync(string? tenant, CancellationToken cancellationToken)
    {
        var sets = services.BackupCatalog().List(tenant is null ? null : TenantName.Validate(tenant));
        if (tenant is not null && sets.Count == 0)
        {
            await services.Registry.RequireAsync(tenant, cancellationToken);
        }

        return sets;
    }

    public async Task<RestoreResult> RestoreAsync(string tenant, string? from, IProgress<string>? progress, CancellationToken cancellationToken) =>
        await services.Restorer(await BackendOfAsync(tenant, cancellationToken)).RestoreAsync(tenant, from, progress, cancellationToken);

    public async Task<TenantRecord> SuspendAsync(string tenant, IProgress<string>? progress, CancellationToken cancellationToken) =>
        await services.Suspender(await BackendOfAsync(tenant, cancellationToken)).SuspendAsync(tenant, progress, cancellationToken);

    public async Task<Core.Rotation.RotationResult> RotateAsync(string tenant, string? secret, IProgress<string>? progress, CancellationToken cancellationToken) =>
        await services.Rotator(await BackendOfAsync(tenant, cancellationToken)).RotateAsync(tenant, secret, progress, cancellationToken);

    public Task<IReadOnlyList<Core.Rotation.RotationResult>> RotateAllAsync(int parallel, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.FleetRotator().RotateAllAsync(parallel, progress, cancellationToken);

    public async Task<ProvisionResult> ResumeAsync(string tenant, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var record = await services.Registry.RequireAsync(TenantName.Validate(tenant), cancellationToken);
        if (record.Status == TenantStatus.Destroyed)
        {
            throw new BadInputException($"{tenant} is Destroyed, not Suspended", $"`provision tenant {tenant}` brings it back");
        }

        return await services.Provisioner(record.Backend).ProvisionAsync(new ProvisionRequest(tenant), progress, cancellationToken);
    }

    public Task<OffboardResult> OffboardAsync(string tenant, TimeSpan retain, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Offboarder().OffboardAsync(tenant, retain, progress, cancellationToken);

    public IReadOnlyList<OffboardedSet> ListOffboarded() => services.Offboards().List();

    public Task<RestoreOffboardedResult> RestoreOffboardedAsync(string tenant, string? from, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.OffboardRestorer(progress).RestoreAsync(tenant, from, progress, cancellationToken);

    public Task<CloneResult> CloneAsync(CloneRequest request, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Cloner(progress).CloneAsync(request, progress, cancellationToken);

    public Task<PurgeResult> PurgeAsync(bool dryRun, CancellationToken cancellationToken) => services.Purger().PurgeAsync(dryRun, cancellationToken);

    public Task<ExpireResult> ExpireAsync(bool dryRun, IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Expirer().ExpireAsync(dryRun, progress, cancellationToken);

    public Task<CapacityResult> CapacityAsync(CapacityQuery query, bool fromRegistry, CancellationToken cancellationToken) =>
        services.Capacity(fromRegistry).RunAsync(query, cancellationToken);

    public async Task<IReadOnlyList<HostStatus>> HostsAsync(CancellationToken cancellationToken)
    {
        var tenants = (await services.Registry.ListAsync(cancellationToken))
            .Where(t => t.Backend == SwarmParts.Kind && t.Status != TenantStatus.Destroyed)
            .GroupBy(t => t.Host)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
        var template = services.Templates.Resolve(services.Templates.DefaultRef(services.Settings.DefaultTemplate));
        var inventory = await services.LiveInventory(SwarmParts.Kind).ReadAsync(measureUsage: false, cancellationToken);
        var report = CapacityCalculator.Calculate(inventory, template, services.Settings.Capacity, services.Time.GetUtcNow());
        return await services.SwarmHosts().ListAsync(tenants, report.Hosts.ToDictionary(h => h.Name, h => h.Free), cancellationToken);
    }

    public async Task<HostStatus> SetHostAvailabilityAsync(string host, bool drain, bool force, CancellationToken cancellationToken)
    {
        var withData = (await services.Registry.ListAsync(cancellationToken))
            .Where(t => t.Backend == SwarmParts.Kind && t.Status != TenantStatus.Destroyed && t.Host == host)
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        await services.SwarmHosts().SetAvailabilityAsync(host, drain ? "drain" : "active", withData, force, cancellationToken);
        return (await HostsAsync(cancellationToken)).First(h => h.Name == host);
    }

    public async Task<HostDrainResult> DrainHostAsync(string host, IProgress<string>? progress, CancellationToken cancellationToken) =>
        await services.HostDrainer().DrainAsync(host, progress, cancellationToken);

    public Task<RegistryTransferCounts> ExportRegistryAsync(TextWriter output, CancellationToken cancellationToken) =>
        services.Stores.ExportAsync(output, cancellationToken);

    public Task<RegistryTransferCounts> ImportRegistryAsync(TextReader input, string source, bool replace, CancellationToken cancellationToken) =>
        services.Stores.ImportAsync(input, source, replace, cancellationToken);

    public Task<KeyRotationResult> RotateSecretKeyAsync(IProgress<string>? progress, CancellationToken cancellationToken) =>
        services.Stores.RotateKeyAsync(progress, cancellationToken);

    public Core.Edge.EdgeOptions? EdgeFor(string? backend) => services.EdgeFor(backend);

    public Task<string> EdgeCaFileAsync(string? backend, CancellationToken cancellationToken) => services.EdgeCaFileAsync(backend, cancellationToken);

    public Task<int> SyncEdgeAsync(string? backend, CancellationToken cancellationToken) => services.SyncEdgeAsync(backend, cancellationToken);

    public Task<bool> RemoveEdgeAsync(string? backend, CancellationToken cancellationToken) => services.RemoveEdgeAsync(backend, cancellationToken);

    public Task RecordAuditAsync(AuditEntry entry, CancellationToken cancellationToken) => services.Stores.Audit.AppendAsync(entry, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> HistoryAsync(string? tenant, int limit, CancellationToken cancellationToken) =>
        services.Stores.Audit.RecentAsync(tenant, limit, cancellationToken);

    public string RegistryDescription => services.Stores.Description;

    public IReadOnlyList<TemplateEntry> ListTemplates() => services.Templates.List();

    public ProductTemplate ValidateTemplate(string path) => services.ValidateTemplate(path);

    public void Dispose() => services.Dispose();

    /// <summary>A tenant's recorded backend; a name the registry does not know uses the default (the service then says "no tenant named").</summary>
    private async Task<BackendKind> BackendOfAsync(string tenant, CancellationToken ct) =>
        BackendChoice.Resolve(await services.Registry.GetAsync(TenantName.Validate(tenant), ct), null, services.Backends.Default);
}
