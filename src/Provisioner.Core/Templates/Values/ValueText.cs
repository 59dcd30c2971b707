using System.Text;
using System.Text.RegularExpressions;

namespace Provisioner.Core.Templates.Values;

/// <summary>
/// Text with <c>${name}</c> placeholders (template values, journey captures). <c>$${</c> writes a literal <c>${</c>.
/// Pure string work: finding the names and filling them in.
/// </summary>
internal static partial class ValueText
{
    /// <summary>The placeholder names in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Names(string text) =>
        Placeholder().Matches(text).Where(m => m.Groups["escape"].Length == 0).Select(m => m.Groups["name"].Value);

    /// <summary>
    /// Fills every placeholder with <paramref name="lookup"/> (encoded by <paramref name="encode"/>, e.g. for JSON);
    /// a name it does not know throws <see cref="KeyNotFoundException"/>.
    /// </summary>
    public static string Expand(string text, Func<string, string?> lookup, Func<string, string>? encode = null)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        return Placeholder().Replace(text, m =>
        {
            if (m.Groups["escape"].Length > 0)
            {
                return "${" + m.Groups["name"].Value + "}";
            }

            var name = m.Groups["name"].Value;
            var value = lookup(name) ?? throw new KeyNotFoundException($"no value named '{name}'");
            return encode is null ? value : encode(value);
        });
    }

    /// <summary>A string as the inside of a JSON string literal.</summary>
    public static string JsonEscape(string value)
    {
        // The serializer's default escaping (non-ASCII, <, >, &, ', " and control characters as \u or short escapes).
        return System.Text.Json.JsonEncodedText.Encode(value).ToString();
    }

    /// <summary>Joins names for an error message.</summary>
    public static string List(IEnumerable<string> names)
    {
        var b = new StringBuilder();
        foreach (var n in names.Order(StringComparer.Ordinal))
        {
            b.Append(b.Length == 0 ? "" : ", ").Append(n);
        }

        return b.ToString();
    }

    [GeneratedRegex(@"(?<escape>\$?)\$\{(?<name>[A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
