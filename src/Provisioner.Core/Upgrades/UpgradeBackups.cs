using System.Globalization;
using Microsoft.Extensions.Logging;
using Provisioner.Core.Data;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// Where upgrades keep their backup sets (<c>&lt;root&gt;/&lt;tenant&gt;/upgrade-&lt;operation&gt;-&lt;product&gt;-&lt;version&gt;/</c>),
/// and their pruning. Callers hold the tenant's lock.
/// </summary>
internal static class UpgradeBackups
{
    public const string Prefix = "upgrade-";

    public static string Folder(string root, string tenant, long operation, ProductTemplate previous) =>
        Path.Combine(root, tenant, $"{Prefix}{operation.ToString(CultureInfo.InvariantCulture)}-{previous.Product}-{previous.Version.ToNormalizedString()}");

    /// <summary>Removes a set that was never finished (no manifest): a dead or failed backup leaves nothing behind.</summary>
    public static void DeleteUnfinished(string folder)
    {
        if (Directory.Exists(folder) && !BackupSet.IsComplete(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Keeps the newest <paramref name="keep"/> complete sets of a tenant (by operation number); older and unfinished ones go.</summary>
    public static void Prune(string tenantFolder, int keep, ILogger log)
    {
        static long Number(string path) =>
            long.TryParse(Path.GetFileName(path)[Prefix.Length..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        try
        {
            var sets = Directory.GetDirectories(tenantFolder, Prefix + "*").ToList();
            // Listed before anything is deleted: a set deleted first would otherwise look unfinished a moment later.
            var doomed = sets.Where(BackupSet.IsComplete).OrderByDescending(Number).Skip(keep).Concat(sets.Where(s => !BackupSet.IsComplete(s))).ToList();
            foreach (var old in doomed)
            {
                log.LogInformation("Deleting old backup {Backup}", old);
                Directory.Delete(old, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning("Could not prune old backups in {Folder}: {Error}", tenantFolder, e.Message);
        }
    }
}
