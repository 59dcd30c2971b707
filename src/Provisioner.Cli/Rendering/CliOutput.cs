using Spectre.Console;

namespace Provisioner.Cli.Rendering;

/// <summary>
/// Where a command writes: results on stdout (a table, or JSON with --json), progress and errors on stderr.
/// With --json, human text goes to stderr so stdout stays machine-readable.
/// </summary>
internal sealed class CliOutput
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    public CliOutput(TextWriter stdout, TextWriter stderr, bool json)
    {
        _stdout = stdout;
        _stderr = stderr;
        Json = json;
        var target = json ? stderr : stdout;
        var redirected = json ? Console.IsErrorRedirected : Console.IsOutputRedirected;
        var plain = redirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        Human = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(target),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
        {
            Human.Profile.Width = 200;
        }
    }

    public bool Json { get; }

    /// <summary>Tables and summaries for people (stdout, or stderr when --json).</summary>
    public IAnsiConsole Human { get; }

    public void Line(string text) => (Json ? _stderr : _stdout).WriteLine(text);

    public void Progress(string text) => _stderr.WriteLine(text);

    public void Error(string text) => _stderr.WriteLine(text);

    public void WriteJson<T>(T value) => _stdout.WriteLine(JsonView.Serialize(value));
}
