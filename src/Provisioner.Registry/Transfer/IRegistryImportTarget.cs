namespace Provisioner.Registry.Transfer;

/// <summary>A store an export can be written into: all of it in one transaction, or nothing.</summary>
internal interface IRegistryImportTarget
{
    /// <summary>
    /// Writes <paramref name="dump"/>. Tenants the registry already has are refused (exit 3, nothing written) unless
    /// <paramref name="replace"/>; operations and snapshots it already has are skipped.
    /// </summary>
    Task<RegistryTransferCounts> ImportAsync(RegistryDump dump, bool replace, CancellationToken ct);
}
