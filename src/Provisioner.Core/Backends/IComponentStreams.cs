namespace Provisioner.Core.Backends;

/// <summary>A backend that can stream a command's input or output inside a component (database dumps and restores).</summary>
public interface IComponentStreams
{
    /// <summary>Runs a command inside a component with <paramref name="stdin"/> as its standard input (a restore).</summary>
    Task<CommandResult> ExecWithInputAsync(string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdin, CancellationToken ct);

    /// <summary>Runs a command inside a component, writing its standard output to <paramref name="stdout"/> as it arrives (a dump).</summary>
    Task<CommandResult> ExecToStreamAsync(string tenant, string component, IReadOnlyList<string> command, string? user, Stream stdout, CancellationToken ct);
}
