using Provisioner.Core.Errors;

namespace Provisioner.Core.Drift;

/// <summary><c>provision reconcile</c>: one outcome per tenant in name order, the parallelism and the time it took.</summary>
public sealed record ReconcileReport(IReadOnlyList<ReconcileOutcome> Tenants, int Parallel, TimeSpan Elapsed)
{
    public int Count(string outcome) => Tenants.Count(t => t.Outcome == outcome);

    /// <summary>1 when any tenant failed, else 5 when any is unhealthy, else 0.</summary>
    public int ExitCode =>
        Count(ReconcileOutcome.FailedOutcome) > 0 ? ExitCodes.Failed : Count(ReconcileOutcome.Unhealthy) > 0 ? ExitCodes.Unhealthy : ExitCodes.Ok;
}
