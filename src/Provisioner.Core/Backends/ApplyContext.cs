using Provisioner.Core.Reconcile;

namespace Provisioner.Core.Backends;

/// <summary>
/// What the caller lends a backend during apply: a readiness wait for dependencies, and callbacks around each change
/// (the caller journals them and shows progress).
/// </summary>
public sealed record ApplyContext(
    Func<string, CancellationToken, Task> WaitUntilReady,
    Func<PlannedChange, Task> BeforeChange,
    Func<PlannedChange, Task> AfterChange)
{
    /// <summary>
    /// Going back to a version the database may already be newer than (an upgrade's rollback, or settling an interrupted
    /// one): a backend whose database was not restored must not run that version's migration or snapshot it again.
    /// A backend that restores the data first ignores this.
    /// </summary>
    public bool GoingBack { get; init; }

    /// <summary>Where a backend reports work it does beside the plan's changes (e.g. creating a shared edge proxy). Default null.</summary>
    public IProgress<string>? Progress { get; init; }
}
