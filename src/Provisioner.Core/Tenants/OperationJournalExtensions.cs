namespace Provisioner.Core.Tenants;

internal static class OperationJournalExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> as a journaled step of <paramref name="operation"/>: the step is recorded before it
    /// starts and ended Done or Failed (with the error) after, even when the caller's token was cancelled.
    /// </summary>
    public static async Task<T> RunStepAsync<T>(
        this IOperationJournal journal, long operation, string name, string detail, Func<Task<T>> work, CancellationToken ct = default)
    {
        var step = await journal.StepAsync(operation, name, detail, ct);
        try
        {
            var result = await work();
            await journal.EndStepAsync(step, JournalStatus.Done, null, CancellationToken.None);
            return result;
        }
        catch (Exception e)
        {
            await journal.EndStepAsync(step, JournalStatus.Failed, e.Message, CancellationToken.None);
            throw;
        }
    }

    /// <inheritdoc cref="RunStepAsync{T}"/>
    public static Task RunStepAsync(
        this IOperationJournal journal, long operation, string name, string detail, Func<Task> work, CancellationToken ct = default) =>
        journal.RunStepAsync(operation, name, detail, async () =>
        {
            await work();
            return true;
        }, ct);
}
