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
}
