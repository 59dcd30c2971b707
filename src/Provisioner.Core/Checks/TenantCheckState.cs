namespace Provisioner.Core.Checks;

/// <summary>What <c>provision check</c> concluded about one tenant.</summary>
public static class TenantCheckState
{
    /// <summary>Every check and journey passed just now.</summary>
    public const string Up = "up";

    /// <summary>A check or journey failed, nothing runs, or the backend could not be asked: customers may be unable to work.</summary>
    public const string Down = "down";

    /// <summary>The tenant's backend is not configured here (a cluster with no manager set, say): nobody looked.</summary>
    public const string Unknown = "unknown";

    /// <summary>Not checked on purpose: the tenant is destroyed (its compute removed).</summary>
    public const string Skipped = "skipped";
}
