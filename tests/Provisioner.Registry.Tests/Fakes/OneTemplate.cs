using Provisioner.Core.Templates;

namespace Provisioner.Registry.Tests.Fakes;

/// <summary>A catalog of one small product at 1.0.0 and 2.0.0: one component with one check, one size (half a CPU).</summary>
internal sealed class OneTemplate : ITemplateCatalog
{
    public static readonly ProductTemplate Shop = Version("1.0.0");

    public static readonly ProductTemplate Shop2 = Version("2.0.0");

    public IReadOnlyList<TemplateEntry> List() => [];

    /// <summary>1.0.0 unless 2.0.0 is asked for by version.</summary>
    public ProductTemplate Resolve(TemplateRef reference) => reference.Version?.ToNormalizedString() == "2.0.0" ? Shop2 : Shop;

    private static ProductTemplate Version(string version) => TemplateParser.Parse(
        $"templates/shop/{version}/template.yaml",
        $$"""
        product: shop
        version: {{version}}
        sizes:
          small: { cpu: 0.5, memory: 256Mi, disk: 1Gi }
        secrets: [db_password]
        components:
          app:
            image: shop-app:{{version}}
            health: [ { tcp: 8080 } ]
        """,
        TemplateRules.None,
        version);
}
