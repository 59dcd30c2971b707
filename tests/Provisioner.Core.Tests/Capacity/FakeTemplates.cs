using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Capacity;

/// <summary>A catalog that resolves every reference to the notes test template.</summary>
internal sealed class FakeTemplates : ITemplateCatalog
{
    public IReadOnlyList<TemplateEntry> List() => [];

    public ProductTemplate Resolve(TemplateRef reference) => Sizes.Template;
}
