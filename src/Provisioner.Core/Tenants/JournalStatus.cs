namespace Provisioner.Core.Tenants;

/// <summary>The states of journaled operations and their steps.</summary>
public static class JournalStatus
{
    /// <summary>Written before the work starts.</summary>
    public const string Running = "running";

    /// <summary>A step that finished.</summary>
    public const string Done = "done";

    /// <summary>An operation that finished as asked.</summary>
    public const string Succeeded = "succeeded";

    public const string Failed = "failed";

    /// <summary>Its process died before finishing; the next operation on the tenant found it.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>An upgrade that failed and was rolled back to the previous version (with its data restored where the backend can).</summary>
    public const string RolledBack = "rolled-back";
}
