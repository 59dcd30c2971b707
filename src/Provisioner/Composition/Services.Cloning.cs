using Provisioner.Core.Backends;
using Provisioner.Core.Cloning;
using Provisioner.Core.Tenants;

namespace Provisioner.Composition;

/// <summary>The clone part of the composition root: a new tenant with a copy of another's data.</summary>
internal sealed partial class Services
{
    public TenantCloner Cloner(IProgress<string>? progress) => new(
        Templates, Registry, BackupCatalog(),
        async (request, ct) => await Provisioner(Backends.Parse(request.Backend!)).ProvisionAsync(request, progress, ct),
        async (source, folder, ct) => await Backups((await Registry.RequireAsync(source, ct)).Backend).CopyAsync(source, folder, progress, ct),
        async (tenant, id, mask, ct) => await Restorer((await Registry.RequireAsync(tenant, ct)).Backend).RestoreAsync(tenant, id, mask, progress, ct),
        DirectCopier,
        Time, Logger<TenantCloner>());

    /// <summary>The clone's fast path on <paramref name="kind"/> (SOURCE's backend, which the clone is made on too).</summary>
    private DirectCopier DirectCopier(BackendKind kind)
    {
        var (data, pauses) = DataParts(kind);
        return new DirectCopier(Templates, Registry, Locks, data, pauses, Time, Logger<DirectCopier>());
    }
}
