namespace Provisioner.Tests.Faults;

/// <summary>
/// How a <see cref="KillMatrix"/> runs the real binary: on the state folder <see cref="Home"/>, with the given variables
/// added to the test's own (the hook's; none for a rerun).
/// </summary>
internal sealed record KillMatrixCli(string Home, Func<IReadOnlyDictionary<string, string>, string[], Task<KillRun>> Run);
