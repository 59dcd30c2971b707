namespace Provisioner.Core.Drift;

/// <summary>
/// One tenant in <c>provision reconcile --all</c>: what was done (<see cref="Outcome"/>: one of the constants here), the changes made,
/// why it failed or was skipped, and how long it took.
/// </summary>
public sealed record ReconcileOutcome(string Tenant, string Outcome, IReadOnlyList<string> Changes, string? Reason, TimeSpan Elapsed)
{
    /// <summary>Changes were made and the tenant passed its health gate.</summary>
    public const string Converged = "converged";

    /// <summary>Nothing differed; the health gate passed.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Compute left by a destroyed, suspended or unregistered tenant was removed (data volumes kept).</summary>
    public const string Cleaned = "cleaned";

    /// <summary>Converged, but a check or journey failed.</summary>
    public const string Unhealthy = "unhealthy";

    /// <summary>It could not be converged (the reason says why).</summary>
    public const string FailedOutcome = "failed";

    /// <summary>Left alone on purpose (an unfinished upgrade or restore, a backend not configured here, nothing to clean).</summary>
    public const string Skipped = "skipped";
}
