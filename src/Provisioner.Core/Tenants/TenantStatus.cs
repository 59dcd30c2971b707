namespace Provisioner.Core.Tenants;

/// <summary>Named tenant states as stored in the registry.</summary>
public static class TenantStatus
{
    /// <summary>An operation is applying the stamp (or was interrupted doing so; rerun to converge).</summary>
    public const string Provisioning = "Provisioning";

    /// <summary>Applied and every health check passed.</summary>
    public const string Active = "Active";

    /// <summary>Applied, but the health gate failed; <c>LastError</c> says which check and why.</summary>
    public const string Failed = "Failed";

    /// <summary>Containers and networks removed; the data volume and secrets are kept for a later re-provision.</summary>
    public const string Destroyed = "Destroyed";

    /// <summary>An upgrade is in progress (backup taken or being taken); the registry's version is still the old one.</summary>
    public const string Upgrading = "Upgrading";

    /// <summary>An upgrade failed and the database is being restored and the old version started.</summary>
    public const string RollingBack = "RollingBack";

    /// <summary>An upgrade failed; the database was restored and the old version runs healthy. <c>LastError</c> says why.</summary>
    public const string RolledBack = "RolledBack";

    /// <summary>A rollback failed. Never retried automatically: a person looks, then runs <c>provision upgrade NAME --resume</c>.</summary>
    public const string NeedsAttention = "NeedsAttention";

    /// <summary>
    /// <c>provision restore</c> is replacing the tenant's data (or died doing so): backups are refused until a rerun of the
    /// restore finishes it.
    /// </summary>
    public const string Restoring = "Restoring";

    /// <summary>
    /// <c>provision suspend</c>: containers and networks removed; data volumes, secrets, entry port and backups kept. Reserves its
    /// disk but no CPU or memory; <c>provision resume</c> brings it back through the capacity check and the health gate.
    /// </summary>
    public const string Suspended = "Suspended";
}
