namespace Provisioner;

/// <summary>The state folder (<c>$PROVISIONER_HOME</c>): made, or kept, readable by its owner only (0700).</summary>
internal static class HomeFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="home"/> with mode 0700, or takes group and other access away from an existing one.</summary>
    public static void Secure(string home)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(home);
            return;
        }

        if (!Directory.Exists(home))
        {
            Directory.CreateDirectory(home, OwnerOnly);
        }

        if ((File.GetUnixFileMode(home) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(home, File.GetUnixFileMode(home) & OwnerOnly);
        }
    }
}
