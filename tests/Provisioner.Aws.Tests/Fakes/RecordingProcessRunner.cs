using Provisioner.Aws.Process;

namespace Provisioner.Aws.Tests.Fakes;

/// <summary>
/// Records every program run and answers from a script: the first unused once-rule whose argument prefix matches,
/// else the last-added matching rule, else exit 0 with no output. Scripted stdout is also delivered line by line to <see cref="ProcessSpec.OnStdoutLine"/>.
/// Keeps the program file each call saw (<see cref="ProgramFiles"/>), since the backend writes a new one before each up.
/// </summary>
public sealed class RecordingProcessRunner : IProcessRunner
{
    private readonly List<(string[] Prefix, ProcessResult Result, bool Once)> _rules = [];

    public List<ProcessSpec> Calls { get; } = [];

    /// <summary>For each call, the Pulumi.yaml in its working directory at that moment (null when there was none).</summary>
    public List<string?> ProgramFiles { get; } = [];

    /// <summary>The arguments of each call with the global flags (<c>--non-interactive --cwd DIR</c>) removed.</summary>
    public IEnumerable<string> Commands => Calls.Select(c => string.Join(' ', c.Arguments.Take(c.Arguments.Count - 3)));

    /// <summary>The program each <c>pulumi up</c> deployed, in order.</summary>
    public IEnumerable<string> DeployedPrograms =>
        Calls.Select((c, i) => (c, i)).Where(x => x.c.FileName == "pulumi" && x.c.Arguments[0] == "up").Select(x => ProgramFiles[x.i] ?? "");

    /// <summary>Program and arguments of each call; pulumi's global flags removed.</summary>
    public IEnumerable<string> Programs => Calls.Select(c =>
        c.FileName + " " + string.Join(' ', c.FileName == "pulumi" ? c.Arguments.Take(c.Arguments.Count - 3) : c.Arguments));

    /// <summary>Answers calls whose arguments start with <paramref name="commandPrefix"/>; a <paramref name="once"/> rule is used up by its first match.</summary>
    public RecordingProcessRunner On(string commandPrefix, int exitCode = 0, string stdout = "", string stderr = "", bool once = false)
    {
        _rules.Add((commandPrefix.Split(' '), new ProcessResult(exitCode, stdout, stderr), once));
        return this;
    }

    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct)
    {
        Calls.Add(spec);
        var program = spec.WorkingDirectory is { } dir ? Path.Combine(dir, "Pulumi.yaml") : null;
        ProgramFiles.Add(program is not null && File.Exists(program) ? File.ReadAllText(program) : null);
        bool Matches((string[] Prefix, ProcessResult Result, bool Once) r) => spec.Arguments.Take(r.Prefix.Length).SequenceEqual(r.Prefix);
        var index = _rules.FindIndex(r => r.Once && Matches(r));
        index = index >= 0 ? index : _rules.FindLastIndex(r => !r.Once && Matches(r));
        var result = index < 0 ? new ProcessResult(0, "", "") : _rules[index].Result;
        if (index >= 0 && _rules[index].Once)
        {
            _rules.RemoveAt(index);
        }

        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            spec.OnStdoutLine?.Invoke(line);
        }

        return Task.FromResult(result);
    }
}
