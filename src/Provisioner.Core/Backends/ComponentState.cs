namespace Provisioner.Core.Backends;

/// <summary>A component's run state, whatever the backend calls it (each backend maps its own states to these).</summary>
public enum ComponentState
{
    /// <summary>The backend reports a state this list has no name for.</summary>
    Unknown,

    /// <summary>Created but never started (a create that was interrupted, say).</summary>
    Created,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Restarting after its process exited.</summary>
    Restarting,

    /// <summary>Paused by the backend.</summary>
    Paused,

    /// <summary>Its process ended (see the exit code).</summary>
    Exited,

    /// <summary>Stopped by the backend and not runnable without being replaced.</summary>
    Dead,
}
