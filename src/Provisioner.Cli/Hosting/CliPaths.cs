namespace Provisioner.Cli.Hosting;

/// <summary>Where state lives: <c>$PROVISIONER_HOME</c>, default <c>~/.provisioner</c>.</summary>
internal static class CliPaths
{
    public static string Home()
    {
        var home = Environment.GetEnvironmentVariable("PROVISIONER_HOME");
        return Path.GetFullPath(string.IsNullOrWhiteSpace(home)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".provisioner")
            : home);
    }

    public static string Templates(ProvisionerConfig config)
    {
        var fromEnv = Environment.GetEnvironmentVariable("PROVISIONER_TEMPLATES");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        if (!string.IsNullOrWhiteSpace(config.Templates))
        {
            return Path.GetFullPath(config.Templates);
        }

        var local = Path.GetFullPath("templates");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "templates");
    }
}
