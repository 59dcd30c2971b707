using Provisioner.Core.Errors;

namespace Provisioner.Core.Tenants;

internal static class TenantRegistryExtensions
{
    /// <summary>The tenant's record, or bad input naming it (and how to list the tenants) when there is none.</summary>
    public static async Task<TenantRecord> RequireAsync(this ITenantRegistry registry, string name, CancellationToken ct = default) =>
        await registry.GetAsync(name, ct) ?? throw new BadInputException($"no tenant named '{name}'", "`provision list` shows the tenants");
}
