namespace Provisioner.Cli.Rendering;

/// <summary>Synchronous progress: each report is one line on stderr, written at once and in order.</summary>
internal sealed class LineProgress(CliOutput output) : IProgress<string>
{
    public void Report(string value) => output.Progress($"  - {value}");
}
