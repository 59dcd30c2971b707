namespace Provisioner.Core.Backups;

/// <summary>Operation and step names in the journal for backups and restores.</summary>
internal static class BackupJournalNames
{
    public const string Backup = "backup";

    public const string Restore = "restore";

    /// <summary>A verified copy of a tenant's data taken for <c>provision clone</c> (journaled on the source).</summary>
    public const string Copy = "copy";

    /// <summary>A restore's detail: <c>from &lt;id&gt;</c>; an interrupted one is continued from the same set.</summary>
    public const string FromPrefix = "from ";
}
