using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Backends;

/// <summary>Which backend a command uses for a tenant: the one the registry records, else the one asked for, else the default.</summary>
internal static class BackendChoice
{
    public static BackendKind Resolve(TenantRecord? existing, BackendKind? requested, BackendKind fallback)
    {
        if (existing is null || existing.Status == TenantStatus.Destroyed && (requested is null || existing.Backend == requested))
        {
            return requested ?? existing?.Backend ?? fallback;
        }

        if (requested is { } asked && asked != existing.Backend)
        {
            throw new BadInputException(
                $"tenant {existing.Name} runs on {existing.Backend} ({existing.Host}), not {asked}",
                $"moving a tenant between backends is not supported; rerun without --backend to converge it on {existing.Backend}");
        }

        return existing.Backend;
    }
}
