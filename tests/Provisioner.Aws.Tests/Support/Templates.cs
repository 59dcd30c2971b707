using Provisioner.Core.Templates;

namespace Provisioner.Aws.Tests.Support;

/// <summary>The repository's real templates (notes and tracker), resolved through the same catalog provision uses.</summary>
internal static class Templates
{
    private static readonly DirectoryTemplateCatalog Catalog = new(RepoPaths.Templates, Provisioner.Data.StandardDataAdapters.Create().Rules);

    public static ProductTemplate Get(string reference) => Catalog.Resolve(TemplateRef.Parse(reference));
}
