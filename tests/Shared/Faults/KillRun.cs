namespace Provisioner.Tests.Faults;

/// <summary>What one run of the binary in a kill matrix did: its exit code and standard error.</summary>
internal sealed record KillRun(int ExitCode, string Stderr);
