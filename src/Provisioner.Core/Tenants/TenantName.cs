using System.Text.RegularExpressions;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Tenants;

/// <summary>
/// Tenant names become parts of container, network, volume and cloud resource names, so they are
/// DNS labels: lowercase letters, digits and '-', starting with a letter, at most <see cref="MaxLength"/> characters.
/// </summary>
public static partial class TenantName
{
    /// <summary>Keeps <c>t-&lt;name&gt;-&lt;suffix&gt;</c> within AWS's 32-character load balancer name limit.</summary>
    public const int MaxLength = 24;

    [GeneratedRegex("^[a-z](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex Pattern();

    public static string Validate(string? name)
    {
        const string hint = "use lowercase letters, digits and single '-' between them, starting with a letter, e.g. `provision tenant acme`";
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BadInputException("a tenant name is required", hint);
        }

        var shown = name.Length > 40 ? name[..40] + "..." : name;
        if (name.Length > MaxLength)
        {
            throw new BadInputException($"tenant name '{shown}' is {name.Length} characters long; the limit is {MaxLength}", hint);
        }

        if (!Pattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            var why = string.Join("; ", Problems(name));
            throw new BadInputException($"invalid tenant name '{shown}': {why}", hint);
        }

        return name;
    }

    /// <summary>Every rule the name breaks (a name can break several: <c>BAD_</c> has uppercase letters and a '_').</summary>
    private static IEnumerable<string> Problems(string name)
    {
        if (name.Any(char.IsUpper))
        {
            yield return "it contains uppercase letters";
        }

        var others = name.Where(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && !char.IsUpper(c)).Distinct().ToList();
        if (others.Count > 0)
        {
            yield return $"it contains characters that are not allowed ({string.Join(", ", others.Select(Shown))})";
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            yield return "it must start with a lowercase letter";
        }

        if (name.EndsWith('-'))
        {
            yield return "it must not end with '-'";
        }

        if (name.Contains("--", StringComparison.Ordinal))
        {
            yield return "it must not contain '--'";
        }
    }

    private static string Shown(char c) => c switch
    {
        ' ' => "a space",
        _ when char.IsWhiteSpace(c) || char.IsControl(c) => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };
}
