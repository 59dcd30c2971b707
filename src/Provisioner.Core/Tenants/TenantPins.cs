using NuGet.Versioning;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tenants;

/// <summary><c>provision pin</c>: keeps a tenant on a version (fleet upgrades skip it), under the tenant's lock.</summary>
internal sealed class TenantPins(ITemplateCatalog templates, ITenantRegistry registry, ILockManager locks, TimeProvider time)
{
    /// <summary>Pins <paramref name="name"/> to <paramref name="version"/>, or removes its pin when null; returns the saved record.</summary>
    public async Task<TenantRecord> PinAsync(string name, string? version, CancellationToken ct)
    {
        TenantName.Validate(name);
        using var held = locks.Acquire($"tenant {name}", "pin");
        var tenant = await registry.RequireAsync(name, ct);
        string? pinned = null;
        if (version is not null)
        {
            var parsed = NuGetVersion.TryParseStrict(version, out var v) ? v : throw new BadInputException($"'{version}' is not a semantic version", "e.g. 1.0.0");
            templates.Resolve(new TemplateRef(tenant.Product, parsed)); // a version that does not exist is named with those that do
            pinned = parsed.ToNormalizedString();
        }

        var saved = tenant with { PinnedVersion = pinned, UpdatedAt = time.GetUtcNow() };
        await registry.SaveAsync(saved, ct);
        return saved;
    }
}
