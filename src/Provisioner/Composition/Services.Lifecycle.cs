using Provisioner.Core.Backups;
using Provisioner.Core.Lifecycle;
using Provisioner.Core.Provisioning;
using Provisioner.Core.Tenants;

namespace Provisioner.Composition;

/// <summary>The lifecycle part of the composition root: suspend, offboard (and its restore and purge), expiry.</summary>
internal sealed partial class Services
{
    public TenantSuspender Suspender(Core.Backends.BackendKind kind) => new(Registry, Locks, Backends.Create(kind), Time, Logger<TenantSuspender>());

    public TenantExpirer Expirer() => new(Registry, t => Destroyer(t.Backend), Time, Logger<TenantExpirer>());

    public OffboardCatalog Offboards() => new(Settings.BackupRoot);

    public TenantOffboarder Offboarder() =>
        new(Registry, Locks, t => Backups(t.Backend), t => Destroyer(t.Backend), Offboards(), Time, Logger<TenantOffboarder>());

    public OffboardPurger Purger() => new(Registry, Locks, Offboards(), Time, Logger<OffboardPurger>());

    public OffboardRestorer OffboardRestorer(IProgress<string>? progress) => new(
        Registry, Locks, Offboards(), BackupCatalog(),
        async (request, ct) => await Provisioner(Backends.Parse(request.Backend!)).ProvisionAsync(request, progress, ct),
        async (tenant, id, ct) => await Restorer((await Registry.RequireAsync(tenant, ct)).Backend).RestoreAsync(tenant, id, progress, ct),
        Time, Logger<OffboardRestorer>());
}
