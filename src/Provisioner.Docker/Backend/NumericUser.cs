namespace Provisioner.Docker.Backend;

/// <summary>A container user written as numbers (<c>10001</c>, <c>101:103</c>): the only kind a tmpfs can be given to at mount time.</summary>
internal static class NumericUser
{
    /// <summary><c>,uid=U[,gid=G]</c> for a numeric non-root user; empty for root, none, or a user known only by name.</summary>
    public static string MountOptions(string? user)
    {
        var parts = (user ?? "").Split(':');
        if (parts[0].Length == 0 || !parts[0].All(char.IsAsciiDigit) || parts[0] == "0")
        {
            return "";
        }

        return parts.Length > 1 && parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit) ? $",uid={parts[0]},gid={parts[1]}" : $",uid={parts[0]}";
    }
}
