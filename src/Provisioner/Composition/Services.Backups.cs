using Provisioner.Core.Backends;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Composition;

/// <summary>The backup part of the composition root: on-demand backups, restores, the fleet's backups and the catalog of sets.</summary>
internal sealed partial class Services
{
    public BackupCatalog BackupCatalog() => new(Settings.BackupRoot);

    public TenantBackups Backups(BackendKind kind)
    {
        var (data, pauses) = DataParts(kind);
        return new TenantBackups(
            Templates, Registry, Locks, data, pauses, BackupCatalog(), Settings.Backups.Retention, Time, Logger<TenantBackups>());
    }

    public TenantRestorer Restorer(BackendKind kind)
    {
        var (data, pauses) = DataParts(kind);
        return new TenantRestorer(Templates, Registry, Locks, data, pauses, BackupCatalog(), Time, Logger<TenantRestorer>());
    }

    public FleetBackup FleetBackup() => new(Templates, Registry, t => Backups(t.Backend), Time, Logger<FleetBackup>());

    private (TenantData Data, Func<WriterPause> Pauses) DataParts(BackendKind kind)
    {
        var backend = Backends.Create(kind);
        var data = new TenantData(DataAdapters, backend, Time);
        var health = HealthGateFor(kind);
        return (data, () => new WriterPause(
            backend, data, new StampApplier(backend, Registry.Journal, health, Options.FailureLogLines, Logger<WriterPause>()), health, Protector, OptionsFor(kind), Time));
    }
}
