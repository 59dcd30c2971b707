namespace Provisioner.Docker.Engine;

/// <summary>A command to run in a running container with <see cref="ExecRunner"/>.</summary>
internal sealed record ExecRequest
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
    /// Bytes fed to the command's standard input, which is closed after the stream ends (so <c>cat</c>, <c>psql</c>,
    /// <c>tar -x</c> terminate). Read to its end, not disposed. Default: none (stdin not attached).
    /// </summary>
    public Stream? Stdin { get; init; }

    /// <summary>Where standard output is written as it arrives; the result's stdout is then empty. Not disposed. Default: collected.</summary>
    public Stream? StdoutSink { get; init; }
}
