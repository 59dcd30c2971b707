using Provisioner.Core.Data;

namespace Provisioner.Core.Backups;

/// <summary>
/// A verified copy of a tenant's data taken for a clone: the set, and which components of the source were stopped for it and
/// for how long (<see cref="Paused"/>: zero when it kept serving, as a tenant whose data is all in database servers does).
/// </summary>
public sealed record SourceCopy(string Tenant, BackupSet Set, IReadOnlyList<string> Stopped, TimeSpan Paused);
