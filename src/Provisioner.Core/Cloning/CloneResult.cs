using Provisioner.Core.Backups;
using Provisioner.Core.Provisioning;

namespace Provisioner.Core.Cloning;

/// <summary>
/// What <c>provision clone</c> did: the source's copy (and how long the source paused for it: zero when it kept serving), the
/// new tenant (its own secrets), the restore of the copy into it, which components were masked, and whether it finished a clone
/// a dead process had left (<see cref="Resumed"/>).
/// </summary>
public sealed record CloneResult(
    string Source, SourceCopy Copy, ProvisionResult Provision, RestoreResult Restore, IReadOnlyList<string> Masked, bool Resumed, TimeSpan Elapsed);
