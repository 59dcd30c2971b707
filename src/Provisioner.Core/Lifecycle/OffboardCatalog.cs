using System.Globalization;
using System.Text.Json;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;
using Provisioner.Core.Tenants;

namespace Provisioner.Core.Lifecycle;

/// <summary>
/// The offboarded sets, under <c>&lt;backups&gt;/.offboarded/&lt;tenant&gt;/&lt;id&gt;/</c>: each a complete backup set (its files and
/// <c>manifest.json</c>) plus <c>offboard.json</c>, the record of the tenant that left. The record lives beside the data it
/// describes, not in the registry: offboarding deletes the tenant's registry row, the set must outlive it, and one folder
/// deleted by <c>purge</c> takes the data and its record together (no row can point at a deleted set, or a set lose its record).
/// Outside every tenant's own folder, so neither retention nor <c>destroy --delete-data</c> ever touches it.
/// </summary>
internal sealed class OffboardCatalog(string backupRoot)
{
    public const string FolderName = ".offboarded";

    public const string RecordName = "offboard.json";

    public const string Prefix = "offboard-";

    private const string Partial = ".partial";

    public string Root => Path.Combine(backupRoot, FolderName);

    /// <summary>Every complete offboarded set (record and manifest both written), oldest offboarding first.</summary>
    public IReadOnlyList<OffboardedSet> List(string? tenant = null)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var tenants = tenant is null ? Directory.GetDirectories(Root) : [Path.Combine(Root, tenant)];
        return tenants.Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Where(f => !f.EndsWith(Partial, StringComparison.Ordinal) && File.Exists(Path.Combine(f, RecordName)) && BackupSet.IsComplete(f))
            .Select(Read)
            .OrderBy(s => s.OffboardedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The set <paramref name="id"/> of <paramref name="tenant"/> (default: its newest), or bad input saying where to look.</summary>
    public OffboardedSet Find(string tenant, string? id)
    {
        var mine = List(tenant);
        var found = id is null ? mine.LastOrDefault() : mine.FirstOrDefault(s => s.Id == id);
        return found ?? throw new BadInputException(
            id is null ? $"{tenant} has no offboarded backup" : $"{tenant} has no offboarded backup '{id}'", "`provision offboarded` lists them");
    }

    /// <summary>
    /// Copies the verified set <paramref name="backup"/> of <paramref name="tenant"/> here with its record, atomically (a
    /// <c>.partial</c> folder renamed when whole; what a dead process left is replaced). Files 0600, folders 0700.
    /// </summary>
    public OffboardedSet Keep(BackupInfo backup, TenantRecord tenant, DateTimeOffset now, DateTimeOffset keepUntil, long operation)
    {
        var id = $"{Prefix}{operation.ToString(CultureInfo.InvariantCulture)}-{tenant.Product}-{tenant.Version}";
        var folder = Path.Combine(Root, tenant.Name, id);
        var partial = folder + Partial;
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        OwnerOnlyFiles.CreateFolder(partial);
        foreach (var file in Directory.GetFiles(backup.Folder))
        {
            using var source = File.OpenRead(file);
            using var target = OwnerOnlyFiles.Create(Path.Combine(partial, Path.GetFileName(file)));
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
        }

        var record = new OffboardRecord(tenant.Name, tenant.Product, tenant.Version, tenant.Size, tenant.Backend.Name, tenant.CreatedAt, now, keepUntil, backup.Id);
        using (var file = OwnerOnlyFiles.Create(Path.Combine(partial, RecordName)))
        {
            JsonSerializer.Serialize(file, record, OffboardJson.Default.OffboardRecord);
            file.Flush(flushToDisk: true);
        }

        Directory.Move(partial, folder);
        return Read(folder);
    }

    /// <summary>Copies the set into <paramref name="target"/> (a tenant's backup folder) unless a complete copy is there already.</summary>
    public static void CopyTo(OffboardedSet set, string target)
    {
        if (BackupSet.IsComplete(target))
        {
            return;
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        var partial = target + Partial;
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        OwnerOnlyFiles.CreateFolder(partial);
        foreach (var file in Directory.GetFiles(set.Folder).Where(f => Path.GetFileName(f) != RecordName))
        {
            using var source = File.OpenRead(file);
            using var copy = OwnerOnlyFiles.Create(Path.Combine(partial, Path.GetFileName(file)));
            source.CopyTo(copy);
        }

        Directory.Move(partial, target);
    }

    /// <summary>Deletes the set and its record (one folder), and the tenant's folder here when it is left empty.</summary>
    public void Delete(OffboardedSet set)
    {
        Directory.Delete(set.Folder, recursive: true);
        var parent = Path.GetDirectoryName(set.Folder)!;
        if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            Directory.Delete(parent);
        }
    }

    private static OffboardedSet Read(string folder)
    {
        var record = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, RecordName)), OffboardJson.Default.OffboardRecord)
            ?? throw new ProvisionerException($"{Path.Combine(folder, RecordName)} is empty", hint: "restore it from a copy, or delete the folder by hand");
        var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        return new OffboardedSet(
            Path.GetFileName(folder), record.Tenant, record.Product, record.Version, record.Size, record.Backend, record.TenantCreatedAt,
            record.OffboardedAt, record.KeepUntil, bytes, folder);
    }
}
