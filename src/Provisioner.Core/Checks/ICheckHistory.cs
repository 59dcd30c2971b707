namespace Provisioner.Core.Checks;

/// <summary>Where check results are kept (the registry), a bounded history per tenant.</summary>
public interface ICheckHistory
{
    /// <summary>Records <paramref name="result"/> and drops that tenant's oldest results beyond the newest <paramref name="keep"/>.</summary>
    Task AppendAsync(TenantCheck result, int keep, CancellationToken ct);

    /// <summary>The newest <paramref name="count"/> results of <paramref name="tenant"/>, newest first.</summary>
    Task<IReadOnlyList<TenantCheck>> RecentAsync(string tenant, int count, CancellationToken ct);
}
