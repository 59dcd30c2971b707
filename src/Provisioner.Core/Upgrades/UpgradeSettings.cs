namespace Provisioner.Core.Upgrades;

/// <summary>Settings for one tenant's upgrade. Every default suits CI.</summary>
public sealed record UpgradeSettings
{
    /// <summary>After the health gate passes, the tenant must stay healthy (and not restart) this long. Default 5 s.</summary>
    public TimeSpan MonitorWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the monitor window checks. Default 1 s.</summary>
    public TimeSpan MonitorInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Folder backups go under (<c>&lt;root&gt;/&lt;tenant&gt;/</c>). Default <c>$PROVISIONER_HOME/backups</c>.</summary>
    public required string BackupRoot { get; init; }

    /// <summary>Free disk needed for a backup, as a multiple of the database size. Default 2.</summary>
    public double DiskFactor { get; init; } = 2;

    /// <summary>Backups kept per tenant after a successful upgrade (newest first). Default 3.</summary>
    public int KeepBackups { get; init; } = 3;

    /// <summary>Asked for by name with <c>--resume</c>: a tenant marked NeedsAttention gets its rollback retried.</summary>
    public bool RetryNeedsAttention { get; init; }
}
