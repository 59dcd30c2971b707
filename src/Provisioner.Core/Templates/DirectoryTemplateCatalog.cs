using System.Collections.Concurrent;
using NuGet.Versioning;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Templates;

/// <summary>Reads templates from a folder: <c>&lt;root&gt;/&lt;product&gt;/&lt;version&gt;/template.yaml</c>.</summary>
internal sealed class DirectoryTemplateCatalog(string root, TemplateRules rules) : ITemplateCatalog
{
    private readonly ConcurrentDictionary<string, ((DateTime, long) Stamp, TemplateEntry Entry)> _loaded = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    public IReadOnlyList<TemplateEntry> List() =>
        ProductFolders().SelectMany(Versions).OrderBy(e => e.Product, StringComparer.Ordinal).ThenBy(e => e.Version).ToList();

    public ProductTemplate Resolve(TemplateRef reference)
    {
        // Only the product's own folder is read (a converged rerun parses one product's templates, not every product's).
        var versions = ProductFolders().Where(d => Path.GetFileName(d) == reference.Product).SelectMany(Versions).OrderBy(e => e.Version).ToList();
        if (versions.Count == 0)
        {
            var products = List().Select(e => e.Product).Distinct().ToList();
            throw new BadInputException(
                $"unknown template '{reference.Product}' in {Root}",
                products.Count == 0
                    ? "that folder has no <product>/<version>/template.yaml; point PROVISIONER_TEMPLATES or templates: in provisioner.yaml at one, or run from the repository root"
                    : $"available: {string.Join(", ", products)}");
        }

        var entry = reference.Version is null
            ? versions.Where(v => v.IsValid && !v.Version.IsPrerelease).MaxBy(v => v.Version) ?? versions.MaxBy(v => v.Version)!
            : versions.FirstOrDefault(v => v.Version == reference.Version);
        if (entry is null)
        {
            throw new BadInputException(
                $"template {reference} does not exist",
                $"available versions of {reference.Product}: {string.Join(", ", versions.Select(v => v.Version.ToNormalizedString()))}");
        }

        return entry.Template ?? throw new TemplateInvalidException(entry.Errors);
    }

    private IEnumerable<string> ProductFolders() => Directory.Exists(Root) ? Directory.EnumerateDirectories(Root) : [];

    private IEnumerable<TemplateEntry> Versions(string productDir)
    {
        foreach (var versionDir in Directory.EnumerateDirectories(productDir))
        {
            var file = Path.Combine(versionDir, "template.yaml");
            if (File.Exists(file) && NuGetVersion.TryParseStrict(Path.GetFileName(versionDir), out var version))
            {
                yield return Loaded(Path.GetFileName(productDir), version, file);
            }
        }
    }

    /// <summary>A file is parsed again only when it changed (its write time or length), so one catalog serves a long-lived process.</summary>
    private TemplateEntry Loaded(string product, NuGetVersion version, string file)
    {
        var info = new FileInfo(file);
        var stamp = (info.LastWriteTimeUtc, info.Length);
        if (_loaded.TryGetValue(file, out var known) && known.Stamp == stamp)
        {
            return known.Entry;
        }

        var entry = Load(product, version, file);
        _loaded[file] = (stamp, entry);
        return entry;
    }

    private TemplateEntry Load(string product, NuGetVersion version, string file)
    {
        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        if (display.StartsWith("..", StringComparison.Ordinal))
        {
            display = file;
        }

        try
        {
            var template = TemplateParser.Parse(display, File.ReadAllText(file), rules, version.ToNormalizedString());
            if (template.Product != product)
            {
                var error = new TemplateError(display, "product", $"'{template.Product}' does not match its folder name '{product}'");
                return new TemplateEntry(product, version, file, null, [error]);
            }

            return new TemplateEntry(product, version, file, template, []);
        }
        catch (TemplateInvalidException e)
        {
            return new TemplateEntry(product, version, file, null, e.Errors);
        }
    }
}
