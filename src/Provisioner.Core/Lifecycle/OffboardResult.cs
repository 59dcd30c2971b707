using Provisioner.Core.Backups;
using Provisioner.Core.Reconcile;

namespace Provisioner.Core.Lifecycle;

/// <summary>
/// What <c>provision offboard</c> did: the final backup (null when a rerun found it kept already: <see cref="Resumed"/>), the
/// set kept until its date, and the tenant's resources removed.
/// </summary>
public sealed record OffboardResult(OffboardedSet Set, BackupResult? Backup, IReadOnlyList<PlannedChange> Removed, bool Resumed, TimeSpan Elapsed);
