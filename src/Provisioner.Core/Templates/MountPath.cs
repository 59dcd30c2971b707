namespace Provisioner.Core.Templates;

/// <summary>A volume's mount path inside a container: absolute and clean, so it names exactly one place.</summary>
internal static class MountPath
{
    /// <summary>Why <paramref name="path"/> is not a clean absolute path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (!path.StartsWith('/'))
        {
            return $"mount path '{path}' must be absolute (start with '/')";
        }

        if (path == "/")
        {
            return "mount path '/' would hide the whole image; mount a folder";
        }

        if (path.Contains(':', StringComparison.Ordinal) || path.Contains(',', StringComparison.Ordinal))
        {
            return $"mount path '{path}' must be one path inside the container (no ':' or ','; host paths are never mounted)";
        }

        var segments = path.Split('/')[1..];
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return $"mount path '{path}' must be clean: no empty, '.' or '..' parts and no trailing '/'";
        }

        return segments.Any(s => s.Any(char.IsControl) || s.Contains(' ', StringComparison.Ordinal))
            ? $"mount path '{path}' must not contain spaces or control characters"
            : null;
    }
}
