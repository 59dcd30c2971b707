using Microsoft.Extensions.Logging;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Backups;

/// <summary>
/// The backup sets under a root folder (<c>&lt;root&gt;/&lt;tenant&gt;/&lt;id&gt;/</c>): listing, finding one by id, and the
/// retention of on-demand sets. Reading needs no lock; deleting is done by callers holding the tenant's lock.
/// </summary>
internal sealed class BackupCatalog(string root)
{
    public string Root => root;

    public string TenantFolder(string tenant) => Path.Combine(root, tenant);

    /// <summary>Every set of <paramref name="tenant"/> (or of every tenant), newest first.</summary>
    public IReadOnlyList<BackupInfo> List(string? tenant)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        // A folder starting with '.' is no tenant's (tenant names start with a letter): `.offboarded` holds offboarded sets.
        var tenants = tenant is null
            ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.'))
            : [tenant];
        return tenants
            .Where(t => Directory.Exists(TenantFolder(t)))
            .SelectMany(t => Directory.GetDirectories(TenantFolder(t)).Select(f => Read(t, f)))
            .OrderByDescending(b => b.TakenAt).ThenBy(b => b.Tenant, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The complete set <paramref name="id"/> of <paramref name="tenant"/>, or bad input listing where to look.</summary>
    public BackupSet Find(string tenant, string id)
    {
        var folder = Path.Combine(TenantFolder(tenant), id);
        var hint = $"`provision backups {tenant}` lists its backups";
        if (id.Contains('/', StringComparison.Ordinal) || id.Contains('\\', StringComparison.Ordinal) || id is "." or ".." || !Directory.Exists(folder))
        {
            throw new BadInputException($"{tenant} has no backup '{id}'", hint);
        }

        if (!BackupSet.IsComplete(folder))
        {
            throw new BadInputException($"backup '{id}' of {tenant} is incomplete (its backup never finished) and cannot be restored from", hint);
        }

        return BackupSet.Load(folder);
    }

    /// <summary>The newest complete set of <paramref name="tenant"/> (on-demand or upgrade) taken on <paramref name="template"/>, or null.</summary>
    public BackupInfo? Newest(string tenant, string template) => List(tenant).FirstOrDefault(b => b.Complete && b.Template == template);

    /// <summary>
    /// Applies <paramref name="policy"/> to the tenant's on-demand sets and deletes unfinished ones that are not
    /// <paramref name="current"/>; upgrade sets are left to the upgrade's own pruning. Returns the ids deleted.
    /// </summary>
    public IReadOnlyList<string> Prune(string tenant, RetentionPolicy policy, string? current, ILogger log)
    {
        var manual = List(tenant).Where(b => b.Kind == BackupKinds.Manual && b.Id != current).ToList();
        var kept = BackupRetention.Kept(List(tenant).Where(b => b.Kind == BackupKinds.Manual && b.Complete).Select(b => (b.Id, b.TakenAt)), policy).ToHashSet();
        var deleted = new List<string>();
        foreach (var doomed in manual.Where(b => !b.Complete || !kept.Contains(b.Id)))
        {
            try
            {
                log.LogInformation("Retention: deleting backup {Backup} of {Tenant}", doomed.Id, tenant);
                Directory.Delete(doomed.Folder, recursive: true);
                deleted.Add(doomed.Id);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning("Retention: could not delete {Folder}: {Error}", doomed.Folder, e.Message);
            }
        }

        return deleted;
    }

    private static BackupInfo Read(string tenant, string folder)
    {
        var id = Path.GetFileName(folder);
        var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        if (BackupSet.IsComplete(folder))
        {
            try
            {
                var set = BackupSet.Load(folder);
                return new BackupInfo(id, tenant, BackupKinds.Of(id), set.Template, set.TakenAt, bytes, true, folder, set.Entries);
            }
            catch (ProvisionerException)
            {
                // an unreadable manifest: listed as incomplete, never restored from
            }
        }

        return new BackupInfo(id, tenant, BackupKinds.Of(id), null, Directory.GetCreationTimeUtc(folder), bytes, false, folder, []);
    }
}
