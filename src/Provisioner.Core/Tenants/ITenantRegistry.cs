namespace Provisioner.Core.Tenants;

/// <summary>The registry: tenants (intent, state, secrets) and the journal of operations. The engine is the truth about what exists.</summary>
public interface ITenantRegistry
{
    Task<TenantRecord?> GetAsync(string name, CancellationToken ct = default);

    Task<IReadOnlyList<TenantRecord>> ListAsync(CancellationToken ct = default);

    /// <summary>Inserts or replaces the tenant row.</summary>
    Task SaveAsync(TenantRecord tenant, CancellationToken ct = default);

    Task DeleteAsync(string name, CancellationToken ct = default);

    /// <summary>
    /// Picks the lowest port in [<paramref name="first"/>, <paramref name="last"/>] that no tenant holds and
    /// <paramref name="isFree"/> accepts, and saves <paramref name="tenant"/> with it, atomically.
    /// </summary>
    Task<TenantRecord> SaveWithNewPortAsync(TenantRecord tenant, int first, int last, Func<int, bool> isFree, CancellationToken ct = default);

    IOperationJournal Journal { get; }
}
