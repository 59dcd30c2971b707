namespace Provisioner.Docker.Engine;

/// <summary>Escapes caller-supplied identifiers placed in request paths.</summary>
internal static class DockerPath
{
    /// <summary>An id or name as one path segment (everything escaped).</summary>
    public static string Segment(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return Uri.EscapeDataString(value);
    }

    /// <summary>An image reference (<c>registry:5000/org/name:tag</c>): slashes kept, everything else escaped.</summary>
    public static string ImageReference(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return string.Join('/', value.Split('/').Select(Uri.EscapeDataString));
    }
}
