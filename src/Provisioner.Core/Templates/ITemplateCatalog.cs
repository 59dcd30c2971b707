namespace Provisioner.Core.Templates;

/// <summary>Where templates come from. The default reads <c>templates/&lt;product&gt;/&lt;version&gt;/template.yaml</c>.</summary>
public interface ITemplateCatalog
{
    /// <summary>Every product version found, valid or not, sorted by product then version.</summary>
    IReadOnlyList<TemplateEntry> List();

    /// <summary>The valid template a reference names; a clear error listing what exists otherwise.</summary>
    ProductTemplate Resolve(TemplateRef reference);
}
