using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// Templates held in memory: by default the notes test template at the versions asked for (1.0.0 runs notes-app:1.0.0),
/// or the templates given (<see cref="Tracker"/>: the tracker test template at each version).
/// </summary>
internal sealed class InMemoryCatalog : ITemplateCatalog
{
    private readonly List<ProductTemplate> _templates;

    public InMemoryCatalog(params string[] versions)
        : this(versions.Select(Notes))
    {
    }

    public InMemoryCatalog(IEnumerable<ProductTemplate> templates) => _templates = templates.ToList();

    /// <summary>The tracker test template at each version (2.1.0 runs tracker-app:2.1.0).</summary>
    public static InMemoryCatalog Tracker(params string[] versions) => new(versions.Select(v => TestTemplates.TrackerAt(v)));

    /// <summary>Adds a template (another version of a product, say, with other data components).</summary>
    public InMemoryCatalog With(ProductTemplate template)
    {
        _templates.Add(template);
        return this;
    }

    public IReadOnlyList<TemplateEntry> List() =>
        _templates.Select(t => new TemplateEntry(t.Product, t.Version, $"templates/{t.Product}/{t.Version}/template.yaml", t, [])).ToList();

    public ProductTemplate Resolve(TemplateRef reference) =>
        _templates.Where(t => t.Product == reference.Product && (reference.Version is null || t.Version == reference.Version)).MaxBy(t => t.Version)
        ?? throw new BadInputException($"template {reference} does not exist", $"available: {string.Join(", ", _templates.Select(t => t.Ref))}");

    private static ProductTemplate Notes(string version) => TemplateParser.Parse(
        $"templates/notes/{version}/template.yaml",
        TestTemplates.Notes.Replace("version: 1.1.0", $"version: {version}").Replace("notes-app:1.1.0", $"notes-app:{version}"),
        TestTemplates.Rules,
        version);
}
