namespace Provisioner.Registry.Transfer;

/// <summary>
/// What an export wrote or an import read: tenants (with their pins and encrypted secrets), journaled operations and
/// capacity snapshots. An import skips operations and snapshots the registry already has, so running it twice adds nothing.
/// </summary>
public sealed record RegistryTransferCounts(
    int Tenants, int Operations, int Snapshots, int ReplacedTenants = 0, int SkippedOperations = 0, int SkippedSnapshots = 0);
