using Provisioner.Core.Tenants;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>The tenant registry in memory, with its journal. Safe to use from parallel upgrades.</summary>
internal sealed class InMemoryRegistry(TimeProvider time) : ITenantRegistry
{
    private readonly Dictionary<string, TenantRecord> _tenants = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public InMemoryJournal Journal { get; } = new(time);

    IOperationJournal ITenantRegistry.Journal => Journal;

    public IReadOnlyList<TenantRecord> Tenants
    {
        get
        {
            lock (_gate)
            {
                return _tenants.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            }
        }
    }

    public TenantRecord this[string name]
    {
        get
        {
            lock (_gate)
            {
                return _tenants[name];
            }
        }
    }

    public Task<TenantRecord?> GetAsync(string name, CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tenants.GetValueOrDefault(name));
        }
    }

    public Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken ct = default) => Task.FromResult(Tenants);

    public Task SaveAsync(TenantRecord tenant, CancellationToken ct = default)
    {
        lock (_gate)
        {
            _tenants[tenant.Name] = tenant;
            return Task.CompletedTask;
        }
    }

    public Task DeleteAsync(string name, CancellationToken ct = default)
    {
        lock (_gate)
        {
            _tenants.Remove(name);
            return Task.CompletedTask;
        }
    }

    public Task<TenantRecord> SaveWithNewPortAsync(TenantRecord tenant, int first, int last, Func<int, bool> isFree, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var held = _tenants.Values.Where(t => t.Name != tenant.Name && t.HostPort is not null).Select(t => t.HostPort!.Value).ToHashSet();
            for (var port = first; port <= last; port++)
            {
                if (!held.Contains(port) && isFree(port))
                {
                    var saved = tenant with { HostPort = port };
                    _tenants[tenant.Name] = saved;
                    return Task.FromResult(saved);
                }
            }

            throw new InvalidOperationException($"no free port in {first}-{last}");
        }
    }
}
