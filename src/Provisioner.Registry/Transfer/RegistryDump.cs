using Provisioner.Core.Capacity;
using Provisioner.Core.Tenants;

namespace Provisioner.Registry.Transfer;

/// <summary>A whole export, read and checked, ready to be written into a registry in one transaction.</summary>
internal sealed record RegistryDump(
    ExportHeader Header, IReadOnlyList<TenantRecord> Tenants, IReadOnlyList<OperationRecord> Operations, IReadOnlyList<CapacitySnapshot> Snapshots)
{
    public bool HasSecrets => Tenants.Any(t => t.EncryptedSecrets.Length > 0);
}
