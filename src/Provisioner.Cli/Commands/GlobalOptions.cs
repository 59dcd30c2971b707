using System.CommandLine;

namespace Provisioner.Cli.Commands;

/// <summary>Options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on stdout (human text goes to stderr)", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show log lines and stack traces on stderr", Recursive = true };

    public Option<string?> Config { get; } = new("--config") { Description = "Path to provisioner.yaml (default: $PROVISIONER_CONFIG, then ./provisioner.yaml, then $PROVISIONER_HOME/provisioner.yaml)", Recursive = true };
}
