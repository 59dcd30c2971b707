using Provisioner.Core.Checks;

namespace Provisioner.Core.Tests.Checks;

/// <summary>Check results in memory, bounded per tenant like the registry's stores.</summary>
internal sealed class InMemoryCheckHistory : ICheckHistory
{
    private readonly Dictionary<string, List<TenantCheck>> _byTenant = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task AppendAsync(TenantCheck result, int keep, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_byTenant.TryGetValue(result.Tenant, out var list))
            {
                _byTenant[result.Tenant] = list = [];
            }

            list.Insert(0, result);
            if (list.Count > keep)
            {
                list.RemoveRange(keep, list.Count - keep);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TenantCheck>> RecentAsync(string tenant, int count, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TenantCheck>>(_byTenant.TryGetValue(tenant, out var list) ? list.Take(count).ToList() : []);
        }
    }
}
