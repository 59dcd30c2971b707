using NuGet.Versioning;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Templates;

/// <summary><c>crm@1.1.0</c>, or <c>crm</c> for the newest version.</summary>
public sealed record TemplateRef(string Product, NuGetVersion? Version)
{
    public static TemplateRef Parse(string text)
    {
        var parts = text.Trim().Split('@');
        if (parts.Length > 2 || !TemplateParser.NamePattern().IsMatch(parts[0]))
        {
            throw new BadInputException($"'{text}' is not a template reference", "use <product>@<version> (e.g. notes@1.1.0), or the product alone for its newest version; `provision templates` lists them");
        }

        if (parts.Length == 1 || parts[1] is "" or "latest")
        {
            return new TemplateRef(parts[0], null);
        }

        if (!NuGetVersion.TryParseStrict(parts[1], out var version))
        {
            throw new BadInputException($"'{parts[1]}' in '{text}' is not a semantic version", $"write the version in full (e.g. {parts[0]}@1.0.0), or name the product alone for its newest version; `provision templates` lists them");
        }

        return new TemplateRef(parts[0], version);
    }

    public override string ToString() => Version is null ? Product : $"{Product}@{Version.ToNormalizedString()}";
}
