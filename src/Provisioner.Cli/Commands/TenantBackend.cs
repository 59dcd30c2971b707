using Provisioner.Cli.Hosting;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Cli.Commands;

/// <summary>Which backend a command uses for a tenant: the one the registry records for it, else --backend, else the configured default.</summary>
internal static class TenantBackend
{
    public static async Task<string?> ResolveAsync(CliServices services, string tenant, string? requested, CancellationToken ct)
    {
        var existing = await services.Registry.GetAsync(tenant, ct);
        if (existing is null || existing.Status == TenantStatus.Destroyed && existing.Backend == requested)
        {
            return requested;
        }

        if (requested is not null && requested != existing.Backend)
        {
            throw new BadInputException(
                $"tenant {tenant} runs on {existing.Backend} ({existing.Host}), not {requested}",
                $"moving a tenant between backends is not supported; rerun without --backend to converge it on {existing.Backend}");
        }

        return existing.Backend;
    }
}
