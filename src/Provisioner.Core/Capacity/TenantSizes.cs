using Provisioner.Core.Templates;

namespace Provisioner.Core.Capacity;

/// <summary>
/// Looks up a tenant's size (template@version + size name), caching each template: what it requests (reserved) and what
/// it may burst to (its limits); null when unknown.
/// </summary>
internal sealed class TenantSizes(ITemplateCatalog templates)
{
    private readonly Dictionary<string, ProductTemplate?> _cache = new(StringComparer.Ordinal);

    /// <summary>What the size reserves: its requests and its disk.</summary>
    public Resources? Demand(string? templateRef, string? size) => Spec(templateRef, size) is { } spec ? Fit.Demand(spec) : null;

    /// <summary>What the size may burst to: its limits and its disk.</summary>
    public Resources? Limits(string? templateRef, string? size) => Spec(templateRef, size) is { } spec ? Fit.Limits(spec) : null;

    private SizeSpec? Spec(string? templateRef, string? size)
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
                template = null; // a template that no longer exists: the engine's own figures still count
            }

            _cache[templateRef] = template;
        }

        return template is not null && template.Sizes.TryGetValue(size, out var spec) ? spec : null;
    }
}
