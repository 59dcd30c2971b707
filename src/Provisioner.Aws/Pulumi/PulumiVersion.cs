using System.Text.RegularExpressions;

namespace Provisioner.Aws.Pulumi;

/// <summary>Reads <c>pulumi version</c> output (<c>v3.120.0</c>, possibly with a pre-release suffix).</summary>
internal static partial class PulumiVersion
{
    [GeneratedRegex(@"v?(\d+)\.(\d+)\.(\d+)")]
    private static partial Regex Pattern();

    public static Version? Parse(string text)
    {
        var m = Pattern().Match(text);
        return m.Success ? new Version(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)) : null;
    }
}
