using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary>
/// Fleet upgrade progress on stderr. On a terminal each wave gets a header rule and outcomes are coloured, with the time
/// since the start; otherwise plain lines (CI logs), one per event, written at once.
/// </summary>
internal sealed class WaveProgress : IProgress<string>
{
    private readonly CliOutput _output;
    private readonly IAnsiConsole? _terminal;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public WaveProgress(CliOutput output)
    {
        _output = output;
        var tty = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 };
        _terminal = tty ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : null;
    }

    public void Report(string value)
    {
        lock (_gate)
        {
            if (_terminal is null)
            {
                _output.Progress(value.StartsWith("==", StringComparison.Ordinal) ? value : $"  - {value}");
                return;
            }

            var at = $"[grey]{_clock.Elapsed.TotalSeconds,6:0.0}s[/] ";
            if (value.StartsWith("== ", StringComparison.Ordinal))
            {
                _terminal.Write(new Rule($"[bold]{Markup.Escape(value[3..])}[/]") { Justification = Justify.Left });
                return;
            }

            var colour = value.Contains("ROLLED BACK", StringComparison.Ordinal) || value.Contains("FAILED", StringComparison.Ordinal)
                || value.Contains("NEEDS ATTENTION", StringComparison.Ordinal) ? "red"
                : value.Contains(": upgraded ", StringComparison.Ordinal) ? "green" : "default";
            _terminal.MarkupLine($"{at}[{colour}]{Markup.Escape(value)}[/]");
        }
    }
}
