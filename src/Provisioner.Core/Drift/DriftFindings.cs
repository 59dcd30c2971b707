using Provisioner.Core.Reconcile;

namespace Provisioner.Core.Drift;

/// <summary>A planned change read as a difference: what reconciling would do says what drifted.</summary>
internal static class DriftFindings
{
    public static DriftFinding From(string tenant, PlannedChange change)
    {
        var resource = $"{change.Resource} {change.Name}";
        return change.Kind switch
        {
            ChangeKind.Create => new(tenant, DriftKind.Missing, resource, "missing from the engine (removed by hand?)"),
            ChangeKind.Start => new(tenant, DriftKind.Stopped, resource, $"not running ({change.Reason})"),
            ChangeKind.Run => new(tenant, DriftKind.Job, resource, change.Reason),
            ChangeKind.Remove => new(tenant, DriftKind.Unknown, resource, "carries the tenant's labels but its stamp has no such resource"),
            _ => new(tenant, KindOf(change.Reason), resource, change.Reason),
        };
    }

    private static string KindOf(string reason) =>
        reason.StartsWith("image", StringComparison.Ordinal) ? DriftKind.Image
        : reason.StartsWith("limits", StringComparison.Ordinal) ? DriftKind.Limits
        : reason.StartsWith("detached", StringComparison.Ordinal) ? DriftKind.Detached
        : DriftKind.Replaced;
}
