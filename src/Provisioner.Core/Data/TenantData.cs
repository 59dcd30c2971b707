using Provisioner.Core.Backends;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Data;

/// <summary>
/// A tenant's data as a whole: every data component its template declares, backed up into one set and restored together,
/// each through its kind's adapter.
/// </summary>
internal sealed class TenantData(DataAdapters adapters, ITenantBackend backend, TimeProvider time)
{
    public DataAdapters Adapters => adapters;

    public ITenantBackend Backend => backend;

    /// <summary>
    /// The components to stop so nothing writes while the data is copied: every one except those that serve the data
    /// themselves (a database server keeps running to be dumped).
    /// </summary>
    public IReadOnlyList<string> Writers(ProductTemplate template) =>
        template.Components.Where(c => c.Data is null || !adapters.For(c.Data).ServesData).Select(c => c.Name).ToList();

    /// <summary>The components that serve data themselves (a database server): they must run for a backup or a restore.</summary>
    public IReadOnlyList<string> Servers(ProductTemplate template) =>
        template.Components.Where(c => c.Data is not null && adapters.For(c.Data).ServesData).Select(c => c.Name).ToList();

    /// <summary>The read-only checks of the data servers: they pass once a restore can run inside them.</summary>
    public IReadOnlyList<HealthCheckSpec> ServerChecks(ProductTemplate template)
    {
        var servers = Servers(template);
        return template.Components.Where(c => servers.Contains(c.Name)).SelectMany(c => c.Health).Where(c => !c.Writes).ToList();
    }

    public async Task<long> SizeAsync(string tenant, ProductTemplate template, CancellationToken ct)
    {
        long total = 0;
        foreach (var c in template.DataComponents)
        {
            total += await adapters.For(c.Data!).SizeAsync(new DataTarget(tenant, c, backend), ct);
        }

        return total;
    }

    /// <summary>Each component's content checksum, by component name (same data, same checksums).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChecksumsAsync(string tenant, ProductTemplate template, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in template.DataComponents)
        {
            result[c.Name] = await adapters.For(c.Data!).ChecksumAsync(new DataTarget(tenant, c, backend), ct);
        }

        return result;
    }

    /// <summary>Backs every data component up into <paramref name="folder"/>, each verified; the manifest is written last.</summary>
    /// <param name="whileServing">The writers keep running (a quiet upgrade): each copy is checked to load whole, not against the live data (see <see cref="IDataAdapter.BackupWhileServingAsync"/>).</param>
    public async Task<BackupSet> BackupAsync(string tenant, ProductTemplate template, string folder, IProgress<string>? progress, CancellationToken ct, bool whileServing = false)
    {
        OwnerOnlyFiles.CreateFolder(folder);
        BackupSet.DeletePartials(folder);
        var entries = new List<BackupEntry>();
        foreach (var c in template.DataComponents)
        {
            var adapter = adapters.For(c.Data!);
            var file = c.Name + adapter.Extension;
            progress?.Report($"{tenant}: backing up {c.Name} ({c.Data!.Kind}) to {Path.Combine(folder, file)}");
            var target = new DataTarget(tenant, c, backend);
            var checksum = whileServing
                ? await adapter.BackupWhileServingAsync(target, Path.Combine(folder, file), ct)
                : await adapter.BackupAsync(target, Path.Combine(folder, file), ct);
            entries.Add(new BackupEntry(c.Name, c.Data!.Kind, file, new FileInfo(Path.Combine(folder, file)).Length, checksum));
        }

        var set = new BackupSet(folder, tenant, template.Ref, time.GetUtcNow(), entries);
        set.Save();
        return set;
    }

    /// <summary>
    /// Restores every data component from <paramref name="set"/>. The set must hold each one; each copy is verified
    /// against its recorded checksum before it replaces the live data. The components that write must be stopped.
    /// </summary>
    public async Task RestoreAsync(string tenant, ProductTemplate template, BackupSet set, IProgress<string>? progress, CancellationToken ct)
    {
        var missing = template.DataComponents.Where(c => set.Entries.All(e => e.Component != c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ProvisionerException(
                $"backup {set.Folder} has no copy of {string.Join(", ", missing)}; the live data was left as it is",
                hint: "restore from a backup taken with this template version");
        }

        foreach (var c in template.DataComponents)
        {
            var entry = set.Entries.Single(e => e.Component == c.Name);
            progress?.Report($"{tenant}: restoring {c.Name} from {entry.File}");
            await adapters.For(c.Data!).RestoreAsync(new DataTarget(tenant, c, backend), Path.Combine(set.Folder, entry.File), entry.Checksum, ct);
        }
    }

    /// <summary>
    /// Loads every data component of <paramref name="set"/> beside its live data and checks each against the set's checksum,
    /// touching no live data. All or nothing: when one fails, those already staged are discarded.
    /// </summary>
    public async Task StageAsync(string tenant, ProductTemplate template, BackupSet set, IProgress<string>? progress, CancellationToken ct)
    {
        var missing = template.DataComponents.Where(c => set.Entries.All(e => e.Component != c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ProvisionerException(
                $"backup {Path.GetFileName(set.Folder)} has no copy of {string.Join(", ", missing)}; the live data was left as it is",
                hint: "restore from a backup taken with this template's data components");
        }

        try
        {
            foreach (var c in template.DataComponents)
            {
                var entry = set.Entries.Single(e => e.Component == c.Name);
                progress?.Report($"{tenant}: loading {entry.File} beside the live {c.Name} and checking it");
                await Staged(c).StageAsync(new DataTarget(tenant, c, backend), Path.Combine(set.Folder, entry.File), entry.Checksum, ct);
            }
        }
        catch
        {
            await DiscardAsync(tenant, template, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Runs each data component's declared mask on its staged copy (components without one are left as they are). A failure
    /// discards every staged copy: nothing unmasked is ever swapped in.
    /// </summary>
    public async Task MaskStagedAsync(string tenant, ProductTemplate template, IProgress<string>? progress, CancellationToken ct)
    {
        try
        {
            foreach (var c in template.DataComponents.Where(c => c.Data!.Mask is not null))
            {
                progress?.Report($"{tenant}: masking the copy of {c.Name} before it is swapped in");
                var masker = adapters.For(c.Data!) as IStagedMask
                    ?? throw new ProvisionerException($"data kind '{c.Data!.Kind}' ({c.Name}) cannot run a mask on a staged copy");
                await masker.MaskStagedAsync(new DataTarget(tenant, c, backend), c.Data!.Mask!, ct);
            }
        }
        catch
        {
            await DiscardAsync(tenant, template, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Swaps every staged copy in (its writers must be stopped).</summary>
    public async Task SwapAsync(string tenant, ProductTemplate template, IProgress<string>? progress, CancellationToken ct)
    {
        foreach (var c in template.DataComponents)
        {
            progress?.Report($"{tenant}: swapping the restored {c.Name} in");
            await Staged(c).SwapAsync(new DataTarget(tenant, c, backend), ct);
        }
    }

    /// <summary>Deletes every staged copy; a failure to delete one is not an error (the next restore replaces it).</summary>
    public async Task DiscardAsync(string tenant, ProductTemplate template, CancellationToken ct)
    {
        foreach (var c in template.DataComponents)
        {
            try
            {
                await Staged(c).DiscardAsync(new DataTarget(tenant, c, backend), ct);
            }
            catch (ProvisionerException)
            {
                // left for the next restore, which starts by replacing it
            }
        }
    }

    /// <summary>The adapter of <paramref name="c"/> as a direct copier (a clone's fast path), or an error naming the kind.</summary>
    public IDirectCopy Direct(ComponentSpec c) =>
        adapters.For(c.Data!) as IDirectCopy
        ?? throw new ProvisionerException($"data kind '{c.Data!.Kind}' ({c.Name}) cannot be copied directly into a clone");

    private IStagedRestore Staged(ComponentSpec c) =>
        adapters.For(c.Data!) as IStagedRestore
        ?? throw new ProvisionerException($"data kind '{c.Data!.Kind}' ({c.Name}) cannot be restored in two steps (stage, then swap), which `provision restore` needs");

    /// <summary>Why data cannot be carried from <paramref name="previous"/> to <paramref name="next"/> by an upgrade, or null.</summary>
    public string? Incompatibility(ProductTemplate previous, ProductTemplate next)
    {
        var before = previous.DataComponents.Select(c => $"{c.Name}:{c.Data!.Kind}:{string.Join(",", c.Data.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))}").ToList();
        var after = next.DataComponents.Select(c => $"{c.Name}:{c.Data!.Kind}:{string.Join(",", c.Data.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))}").ToList();
        if (!before.SequenceEqual(after))
        {
            return $"{previous.Ref} -> {next.Ref} changes its data components ({Describe(previous)} -> {Describe(next)}); an upgrade keeps the same data and moves none";
        }

        foreach (var c in previous.DataComponents.Where(c => adapters.For(c.Data!).ServesData))
        {
            var image = next.Component(c.Name).Image;
            if (image != c.Image)
            {
                return $"{previous.Ref} -> {next.Ref} changes the image of {c.Name}, which serves the data ({c.Image} -> {image}); " +
                       "moving data to another engine version needs a dump and restore into it, which `provision upgrade` does not do";
            }
        }

        return null;
    }

    private static string Describe(ProductTemplate t) =>
        t.DataComponents.Count == 0 ? "none" : string.Join(", ", t.DataComponents.Select(c => $"{c.Name} ({c.Data!.Kind})"));
}
