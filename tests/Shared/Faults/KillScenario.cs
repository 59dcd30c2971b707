namespace Provisioner.Tests.Faults;

/// <summary>
/// One operation of the kill matrix: how to bring the tenant to the state before it (<see cref="PrepareAsync"/>), the
/// command, the exit code of an uninterrupted run (null: whatever the count run gave; the rerun after a kill must give the
/// same), and the end state to check after it. <see cref="AcceptedRerun"/>: another rerun answer that is right (a clone
/// killed after it finished is refused as "already a finished clone": NEW exists), shown in the matrix as such.
/// </summary>
internal sealed record KillScenario(
    string Operation,
    string[] Args,
    Func<Task> PrepareAsync,
    int? ExpectedExit,
    Func<Task> VerifyAsync)
{
    public Func<KillRun, bool>? AcceptedRerun { get; init; }

    /// <summary>What happens between the kill and the rerun (a customer writing to whatever serves then, say).</summary>
    public Func<Task>? AfterKillAsync { get; init; }
}
