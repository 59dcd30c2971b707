namespace Provisioner.Aws.Process;

/// <summary>
/// The one way this project starts external programs (pulumi, aws): an argument list, never a shell string.
/// Returns exit code, stdout and stderr; it never throws for a non-zero exit (callers map texts to typed errors).
/// </summary>
public interface IProcessRunner
{
    /// <summary>Runs the program to completion. Throws <see cref="System.ComponentModel.Win32Exception"/> only when it cannot be started.</summary>
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken ct);
}
