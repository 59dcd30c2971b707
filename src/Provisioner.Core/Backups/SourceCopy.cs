using Provisioner.Core.Data;

namespace Provisioner.Core.Backups;

/// <summary>
/// A verified copy of a tenant's data taken for a clone: the set, and which components of the source were stopped for it and
/// for how long (<see cref="Paused"/>: zero when it kept serving, as a tenant whose data is all in database servers does), and
/// how it was taken (<see cref="Method"/>: <c>dump</c> into a backup set, or <c>physical</c>, file by file straight into the
/// clone, when the set has no folder).
/// </summary>
public sealed record SourceCopy(string Tenant, BackupSet Set, IReadOnlyList<string> Stopped, TimeSpan Paused, string Method = SourceCopy.Dump)
{
    public const string Dump = "dump";

    public const string Physical = "physical";
}
