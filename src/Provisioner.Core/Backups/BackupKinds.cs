namespace Provisioner.Core.Backups;

/// <summary>The kinds of backup set, by the prefix of their folder's name (<c>manual-12-notes-1.0.0</c>).</summary>
public static class BackupKinds
{
    /// <summary>Taken by <c>provision backup</c>; kept by <see cref="RetentionPolicy"/>.</summary>
    public const string Manual = "manual";

    /// <summary>Taken by an upgrade before it changes anything; the newest 3 of a tenant are kept after each upgrade.</summary>
    public const string Upgrade = "upgrade";

    /// <summary>The final backup of an offboarded tenant, copied back by <c>restore-offboarded</c>; never pruned by retention.</summary>
    public const string Offboard = "offboard";

    /// <summary>Taken by <c>provision host drain</c> when a tenant's data moves to another node; never pruned by retention.</summary>
    public const string Move = "move";

    public static string Of(string id) =>
        id.StartsWith(Manual + "-", StringComparison.Ordinal) ? Manual
        : id.StartsWith(Upgrade + "-", StringComparison.Ordinal) ? Upgrade
        : id.StartsWith(Offboard + "-", StringComparison.Ordinal) ? Offboard
        : id.StartsWith(Move + "-", StringComparison.Ordinal) ? Move
        : "other";
}
