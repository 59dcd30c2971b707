using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on stdout (human text goes to stderr)", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show log lines and stack traces on stderr", Recursive = true };

    /// <summary>
    /// One <c>--force</c> for every command: lets a change through a fleet freeze (the audit log records it as forced); on
    /// <c>tenant</c> it also provisions past the capacity check.
    /// </summary>
    public Option<bool> Force { get; } = new("--force")
    {
        Description = "Let this change through a fleet freeze (recorded as forced); on `tenant` also past the capacity check",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config") { Description = "Path to provisioner.yaml (default: $PROVISIONER_CONFIG, then ./provisioner.yaml, then $PROVISIONER_HOME/provisioner.yaml)", Recursive = true };
}
