using System.Text.RegularExpressions;
using NuGet.Versioning;
using YamlDotNet.Core;
using Provisioner.Core.Templates.Journeys;
using YamlDotNet.RepresentationModel;

namespace Provisioner.Core.Templates;

/// <summary>
/// Parses and validates one template.yaml. Every problem is collected (file, path, line) and reported at once.
/// Pure: the caller supplies the text, so it can be tested without files.
/// </summary>
internal static partial class TemplateParser
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}$")]
    internal static partial Regex NamePattern();

    /// <summary>
    /// Component and volume names become parts of resource names (<c>t-acme-db-data</c>), so they have no '-':
    /// otherwise tenant <c>a</c>'s component <c>db-x</c> and tenant <c>a-db</c>'s <c>x</c> could share a name.
    /// </summary>
    [GeneratedRegex("^[a-z][a-z0-9]{0,11}$")]
    internal static partial Regex PartPattern();

    public static ProductTemplate Parse(string file, string yaml, TemplateRules rules, string? expectedVersion = null)
    {
        var errors = new List<TemplateError>();
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw new TemplateInvalidException([new TemplateError(file, "", $"YAML syntax error: {e.InnerException?.Message ?? e.Message}", e.Start.Line)]);
        }

        var doc = new YamlCursor(file, "", root, errors);
        if (root is not YamlMappingNode)
        {
            doc.Error("the file must be a YAML mapping with product, version, sizes and components");
            throw new TemplateInvalidException(errors);
        }

        doc.OnlyKeys("product", "version", "description", "sizes", "defaultSize", "secrets", "components", "jobs", "journeys");
        var product = doc.Child("product").String(required: true);
        if (product is not null && !NamePattern().IsMatch(product))
        {
            doc.Child("product").Error("must be lowercase letters, digits and '-', starting with a letter");
        }

        var version = ParseVersion(doc.Child("version"), expectedVersion);
        var sizes = SizeParser.Parse(doc.Child("sizes"));
        var defaultSize = doc.Child("defaultSize").String() ?? (sizes.ContainsKey("small") ? "small" : sizes.Keys.FirstOrDefault() ?? "small");
        if (sizes.Count > 0 && !sizes.ContainsKey(defaultSize))
        {
            doc.Child("defaultSize").Error($"'{defaultSize}' is not one of the sizes ({string.Join(", ", sizes.Keys)})");
        }

        var secrets = doc.Child("secrets").StringList();
        foreach (var (s, i) in secrets.Select((s, i) => (s, i)))
        {
            if (!NamePattern().IsMatch(s.Replace('_', '-')))
            {
                doc.Child("secrets").Error($"[{i}] '{s}' must be lowercase letters, digits, '_' or '-'");
            }
        }

        var components = ComponentParser.ParseAll(doc.Child("components"), secrets.ToHashSet(), rules);
        var jobs = JobParser.ParseAll(doc.Child("jobs"), components);
        var journeys = JourneyParser.ParseAll(doc.Child("journeys"));
        CheckJourneyReferences(doc.Child("components"), components, journeys);

        if (errors.Count > 0)
        {
            throw new TemplateInvalidException(errors);
        }

        return new ProductTemplate(
            product!, version!, doc.Child("description").String() ?? "", sizes, defaultSize, secrets, components, jobs, journeys, file);
    }

    private static NuGetVersion? ParseVersion(YamlCursor cursor, string? expected)
    {
        var text = cursor.String(required: true);
        if (text is null)
        {
            return null;
        }

        if (!NuGetVersion.TryParseStrict(text, out var version))
        {
            cursor.Error($"'{text}' is not a semantic version (e.g. 1.1.0)");
            return null;
        }

        if (expected is not null && version.ToNormalizedString() != expected)
        {
            cursor.Error($"'{text}' does not match its folder name '{expected}'");
        }

        return version;
    }

    private static void CheckJourneyReferences(YamlCursor cursor, IReadOnlyList<ComponentSpec> components, IReadOnlyDictionary<string, Journeys.JourneySpec> journeys)
    {
        foreach (var c in components)
        {
            foreach (var check in c.Health.OfType<JourneyCheckSpec>().Where(j => !journeys.ContainsKey(j.Journey)))
            {
                cursor.Child(c.Name).Child("health").Error(journeys.Count == 0
                    ? $"journey '{check.Journey}' is not declared (the template has no journeys: section)"
                    : $"journey '{check.Journey}' is not declared (journeys: {string.Join(", ", journeys.Keys)})");
            }
        }
    }
}
