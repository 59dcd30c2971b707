using NuGet.Versioning;

namespace Provisioner.Core.Templates;

/// <summary>One template version found on disk: valid (with its template) or invalid (with its problems).</summary>
public sealed record TemplateEntry(string Product, NuGetVersion Version, string File, ProductTemplate? Template, IReadOnlyList<TemplateError> Errors)
{
    public bool IsValid => Template is not null;
}
