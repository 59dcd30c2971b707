namespace Provisioner.Core.Reconcile;

/// <summary>What reconciliation does to one resource.</summary>
public enum ChangeKind
{
    /// <summary>Create it (containers are also started).</summary>
    Create,

    /// <summary>Remove and create again: its spec changed or it was left half-made.</summary>
    Replace,

    /// <summary>Start an existing, stopped container.</summary>
    Start,

    /// <summary>Run a job to completion (replacing any earlier run with another spec or a failure).</summary>
    Run,

    /// <summary>Remove a resource of this tenant that the stamp no longer has.</summary>
    Remove,

    /// <summary>
    /// Deliver its secrets again to a running container that lost them (the engine restarted it after a crash or a reboot,
    /// and its tmpfs started empty): found while applying, never planned.
    /// </summary>
    Deliver,
}
