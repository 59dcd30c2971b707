namespace Provisioner.Core.Backends;

/// <summary>The outcome of a command run inside a tenant component.</summary>
public sealed record CommandResult(long ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;
}
