namespace Provisioner.Core.Backends;

/// <summary>
/// A backend that can list every resource this registry made on its engine, whatever tenant it belongs to (by the owner label
/// it sets at create): <c>provision drift --all</c> finds tenants missing from the registry with it.
/// </summary>
public interface IEngineInventory
{
    /// <summary>Every container, network and volume carrying this registry's owner label, with the tenant its label names.</summary>
    Task<IReadOnlyList<OwnedResource>> OwnedResourcesAsync(CancellationToken ct);
}
