using Provisioner.Core.Errors;

namespace Provisioner.Core.Templates;

internal static class TemplateCatalogExtensions
{
    /// <summary>
    /// The template to use when none is named: <paramref name="configured"/> when set, otherwise the catalog's only product.
    /// Several products (or none) are an error saying how to choose.
    /// </summary>
    public static TemplateRef DefaultRef(this ITemplateCatalog catalog, string? configured)
    {
        if (configured is not null)
        {
            return TemplateRef.Parse(configured);
        }

        var products = catalog.List().Select(e => e.Product).Distinct().ToList();
        return products.Count switch
        {
            1 => new TemplateRef(products[0], null),
            0 => throw new BadInputException(
                "the template catalog is empty (no <product>/<version>/template.yaml)",
                "point PROVISIONER_TEMPLATES or templates: in provisioner.yaml at a folder of templates, or run from the repository root"),
            _ => throw new BadInputException(
                $"the catalog has several products ({string.Join(", ", products)}) and none was named",
                $"name one with --template (e.g. --template {products[0]}), or set defaultTemplate: in provisioner.yaml (or PROVISIONER_DEFAULT_TEMPLATE)"),
        };
    }
}
