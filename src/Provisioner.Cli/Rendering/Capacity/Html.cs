namespace Provisioner.Cli.Rendering.Capacity;

/// <summary>HTML escaping for the report.</summary>
internal static class Html
{
    public static string Encode(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
}
