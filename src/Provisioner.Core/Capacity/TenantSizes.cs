using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>Looks up what a tenant's size reserves (template@version + size name), caching each template; null when unknown.</summary>
internal sealed class TenantSizes(ITemplateCatalog templates)
{
    private readonly Dictionary<string, ProductTemplate?> _cache = new(StringComparer.Ordinal);

    public Resources? Demand(string? templateRef, string? size)
    {
        if (templateRef is null || size is null)
        {
            return null;
        }

        if (!_cache.TryGetValue(templateRef, out var template))
        {
            try
            {
                template = templates.Resolve(TemplateRef.Parse(templateRef));
            }
            catch (Errors.ProvisionerException)
            {
                template = null; // a template that no longer exists: the engine's limits still count
            }

            _cache[templateRef] = template;
        }

        return template is not null && template.Sizes.TryGetValue(size, out var spec) ? Fit.Demand(spec) : null;
    }
}
