namespace Provisioner.Cli.Hosting;

/// <summary>
/// <c>backups:</c> in provisioner.yaml: <c>{ directory: /srv/backups, keep: 7, daily: 7, weekly: 4 }</c>. Every key is optional:
/// backups go to <c>$PROVISIONER_HOME/backups</c>, and after each on-demand backup the last 7 are kept plus the newest of
/// each of the last 7 days and 4 weeks (upgrade backups keep their own newest 3).
/// </summary>
public sealed class BackupsSettings
{
    /// <summary>Folder for every backup set (a relative path is relative to the working directory). Default <c>$PROVISIONER_HOME/backups</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>The newest on-demand sets kept per tenant. Default 7.</summary>
    public int? Keep { get; set; }

    /// <summary>Days (with a backup) whose newest set is kept. Default 7.</summary>
    public int? Daily { get; set; }

    /// <summary>ISO weeks (with a backup) whose newest set is kept. Default 4.</summary>
    public int? Weekly { get; set; }
}
