using Provisioner.Core.Backups;
using Provisioner.Core.Provisioning;

namespace Provisioner.Core.Lifecycle;

/// <summary>What <c>provision restore-offboarded</c> did: the set it came from, the fresh tenant (new secrets) and the restore of its data.</summary>
public sealed record RestoreOffboardedResult(OffboardedSet Set, ProvisionResult Provision, RestoreResult Restore, TimeSpan Elapsed);
