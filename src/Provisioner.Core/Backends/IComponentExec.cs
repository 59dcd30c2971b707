namespace Provisioner.Core.Backends;

/// <summary>
/// A backend that can run a command inside a tenant's running component (SQL and command checks). Core asks for it
/// (<see cref="Capabilities.Require{T}"/>) and says so plainly when a backend lacks it.
/// </summary>
public interface IComponentExec
{
    /// <summary>Runs a command inside a component and returns its exit code and output.</summary>
    Task<CommandResult> ExecAsync(string tenant, string component, IReadOnlyList<string> command, string? user, CancellationToken ct);
}
