namespace Provisioner.Docker.Engine;

/// <summary>Commands run inside running containers (<c>/containers/{id}/exec</c>, <c>/exec/{id}</c>).</summary>
public interface IExecOperations
{
    /// <summary>
    /// Runs a command to completion and returns its exit code with stdout and stderr kept apart.
    /// No client deadline: pass a token (cancelling abandons the command; the engine does not kill it).
    /// </summary>
    /// <exception cref="DockerNotFoundException">No such container.</exception>
    /// <exception cref="DockerConflictException">The container is not running (or paused).</exception>
    Task<ExecResult> RunAsync(string containerId, ExecCreateParameters parameters, CancellationToken cancellationToken = default);
}
