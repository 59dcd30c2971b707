using Provisioner.Core.Reconcile;

namespace Provisioner.Core.Backends;

/// <summary>
/// What the caller lends a backend during apply: a readiness wait for dependencies, and callbacks around each change
/// (the caller journals them and shows progress).
/// </summary>
public sealed record ApplyContext(
    Func<string, CancellationToken, Task> WaitUntilReady,
    Func<PlannedChange, Task> BeforeChange,
    Func<PlannedChange, Task> AfterChange);
