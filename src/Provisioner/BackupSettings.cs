namespace Provisioner;

/// <summary>Where backups go and which on-demand ones are kept. Every setting is optional.</summary>
public sealed record BackupSettings
{
    /// <summary>Folder of every backup set (<c>&lt;Directory&gt;/&lt;tenant&gt;/&lt;id&gt;/</c>). Default <c>&lt;Home&gt;/backups</c>.</summary>
    public string? Directory { get; init; }

    /// <summary>Which on-demand sets are kept after each backup. Default: the last 7, plus the newest of each of the last 7 days and 4 weeks.</summary>
    public Core.Backups.RetentionPolicy Retention { get; init; } = new();
}
