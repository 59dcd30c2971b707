namespace Provisioner.Docker.Engine;

/// <summary>What a command run by <see cref="IExecOperations.RunAsync"/> produced.</summary>
/// <param name="ExitCode">The command's exit code (126/127 when it could not be run or found).</param>
/// <param name="Stdout">Standard output, decoded as UTF-8.</param>
/// <param name="Stderr">Standard error, decoded as UTF-8.</param>
public sealed record ExecResult(long ExitCode, string Stdout, string Stderr)
{
    /// <summary>True when <see cref="ExitCode"/> is 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
