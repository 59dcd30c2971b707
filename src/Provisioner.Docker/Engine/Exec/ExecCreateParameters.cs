namespace Provisioner.Docker.Engine;

/// <summary>A command to run in a container with <see cref="IExecOperations.RunAsync"/>.</summary>
public sealed record ExecCreateParameters
{
    /// <summary>Command and arguments (required; no shell unless you ask for one: <c>["sh", "-c", "..."]</c>).</summary>
    public required IReadOnlyList<string> Cmd { get; init; }

    /// <summary>User (<c>name</c>, <c>uid</c> or <c>uid:gid</c>). Default: the container's user.</summary>
    public string? User { get; init; }

    /// <summary>Extra environment as <c>NAME=value</c>. Default: none.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>Working directory. Default: the container's.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>
    /// Bytes fed to the command's standard input, which is closed after the stream ends (so <c>cat</c>,
    /// <c>psql</c>, <c>tar -x</c> terminate). Read to its end, not disposed. Default: none (stdin not attached).
    /// </summary>
    public Stream? Stdin { get; init; }

    /// <summary>
    /// Where standard output is written as it arrives (e.g. a file, for output too big to hold in memory); the
    /// result's <see cref="ExecResult.Stdout"/> is then empty. Not disposed. Default: none (collected into the result).
    /// </summary>
    public Stream? StdoutSink { get; init; }
}
