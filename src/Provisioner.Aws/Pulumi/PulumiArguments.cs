namespace Provisioner.Aws.Pulumi;

/// <summary>
/// The exact argument lists the driver passes, as Pulumi's Automation API builds them (see Pulumi's CLI reference, https://www.pulumi.com/docs/cli/commands/, and the Automation API source).
/// Pure functions so tests can compare them word for word. <see cref="Global"/> is appended to every call.
/// </summary>
internal static class PulumiArguments
{
    public static IReadOnlyList<string> Global(string programDirectory) => ["--non-interactive", "--cwd", programDirectory];

    public static IReadOnlyList<string> Version() => ["version"];

    public static IReadOnlyList<string> SelectOrCreate(string stack) =>
        ["stack", "select", "--stack", stack, "--create", "--secrets-provider", "passphrase"];

    /// <summary>The plain values in one call. Secrets never go here: see <see cref="SetSecret"/>.</summary>
    public static IReadOnlyList<string> SetAll(string stack, IReadOnlyList<ConfigEntry> entries)
    {
        var args = new List<string> { "config", "set-all", "--stack", stack };
        foreach (var e in entries)
        {
            if (e.Secret)
            {
                throw new ArgumentException($"secret config '{e.Key}' must not be passed as an argument (it would be readable in /proc)", nameof(entries));
            }

            args.Add("--plaintext");
            args.Add($"{e.Key}={e.Value}");
        }

        return args;
    }

    /// <summary>One secret: its value is written to the process's standard input (read whole when not interactive), never an argument.</summary>
    public static IReadOnlyList<string> SetSecret(string stack, string key) => ["config", "set", "--secret", "--stack", stack, key];

    public static IReadOnlyList<string> Up(string stack) => ["up", "--yes", "--skip-preview", "--json", "--stack", stack];

    public static IReadOnlyList<string> Outputs(string stack) => ["stack", "output", "--json", "--show-secrets", "--stack", stack];

    public static IReadOnlyList<string> Refresh(string stack) => ["refresh", "--yes", "--skip-preview", "--stack", stack];

    public static IReadOnlyList<string> Destroy(string stack) => ["destroy", "--yes", "--skip-preview", "--json", "--stack", stack];

    public static IReadOnlyList<string> RemoveStack(string stack) => ["stack", "rm", "--yes", "--stack", stack];
}
