using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioner.Core.Data;

/// <summary>
/// Every data component of a tenant backed up together, in one folder: a file per component and a <c>manifest.json</c>
/// written last (a folder without one is unfinished and is never restored from).
/// </summary>
public sealed record BackupSet([property: JsonIgnore] string Folder, string Tenant, string Template, DateTimeOffset TakenAt, IReadOnlyList<BackupEntry> Entries)
{
    public const string ManifestName = "manifest.json";

    [JsonIgnore]
    public long Bytes => Entries.Sum(e => e.Bytes);

    [JsonIgnore]
    public string Manifest => Path.Combine(Folder, ManifestName);

    public static bool IsComplete(string folder) => File.Exists(Path.Combine(folder, ManifestName));

    /// <summary>Writes the manifest (temporary name, synced, renamed): from here on the set is complete.</summary>
    public void Save()
    {
        var partial = Manifest + ".partial";
        using (var file = OwnerOnlyFiles.Create(partial))
        {
            JsonSerializer.Serialize(file, this, BackupSetJson.Default.BackupSet);
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, Manifest, overwrite: true);
    }

    /// <summary>The complete set in <paramref name="folder"/>; an unfinished or unreadable one is an error naming the folder.</summary>
    public static BackupSet Load(string folder)
    {
        var manifest = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifest))
        {
            throw new Errors.ProvisionerException($"{folder} is not a complete backup (it has no {ManifestName})", hint: "choose another backup");
        }

        try
        {
            var set = JsonSerializer.Deserialize(File.ReadAllText(manifest), BackupSetJson.Default.BackupSet)
                ?? throw new JsonException("empty manifest");
            return set with { Folder = folder };
        }
        catch (JsonException e)
        {
            throw new Errors.ProvisionerException($"{manifest} cannot be read: {e.Message}", hint: "choose another backup");
        }
    }

    /// <summary>Deletes what a dead process left in <paramref name="folder"/> (<c>*.partial</c>). Callers hold the tenant's lock.</summary>
    public static void DeletePartials(string folder)
    {
        if (Directory.Exists(folder))
        {
            foreach (var partial in Directory.GetFiles(folder, "*.partial"))
            {
                File.Delete(partial);
            }
        }
    }
}
