using Provisioner.Core.Errors;

namespace Provisioner.Core.Tenants;

/// <summary>
/// The one way a fleet command (<c>check</c>, <c>backup</c>, <c>rotate</c>, <c>reconcile</c> with <c>--all</c>) works
/// through its tenants: at most <c>--parallel</c> at a time, every tenant started whatever the others did (each one's
/// own work turns its failures into its outcome), the results in the order of the input.
/// </summary>
internal static class FleetFanOut
{
    /// <summary>Refuses a <c>--parallel</c> below 1, with an example of a sensible value.</summary>
    public static void RequireParallel(int parallel, int example)
    {
        if (parallel < 1)
        {
            throw new BadInputException($"--parallel must be at least 1 (got {parallel})", $"e.g. --parallel {example}");
        }
    }

    public static async Task<TResult[]> RunAsync<TItem, TResult>(
        IEnumerable<TItem> items, int parallel, Func<TItem, Task<TResult>> one, CancellationToken ct)
    {
        RequireParallel(parallel, 4);
        using var gate = new SemaphoreSlim(parallel);
        return await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await one(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
