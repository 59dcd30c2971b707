namespace Provisioner.Docker.Engine;

/// <summary>What a command run by <see cref="ExecRunner"/> produced: its exit code (126/127 when it could not be run or found) and output as UTF-8.</summary>
internal sealed record ExecResult(long ExitCode, string Stdout, string Stderr);
