using System.Globalization;

namespace Provisioner.Docker.Engine;

/// <summary>Engine API versions ("1.41"): parsing and negotiation.</summary>
internal static class ApiVersion
{
    /// <summary>What the engine is assumed to speak when <c>/_ping</c> sends no <c>Api-Version</c> header (as the docker CLI does).</summary>
    public const string Fallback = "1.24";

    /// <summary>The lower of the server's version and our maximum.</summary>
    public static string Negotiate(string? serverVersion, string maxVersion)
    {
        if (!TryParse(serverVersion, out var server))
        {
            server = Parse(Fallback);
        }

        var max = Parse(maxVersion);
        var chosen = server < max ? server : max;
        return Format(chosen);
    }

    public static bool TryParse(string? value, out Version version)
    {
        version = new Version(0, 0);
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parts = value.Trim().Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new Version(major, minor);
        return true;
    }

    private static Version Parse(string value) =>
        TryParse(value, out var version) ? version : throw new FormatException($"'{value}' is not an API version like 1.41.");

    private static string Format(Version version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}");
}
