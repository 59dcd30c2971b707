using Provisioner.Core.Tenants;

namespace Provisioner.Core.Lifecycle;

/// <summary>The rule of <c>provision expire</c> as a pure function: a tenant goes when it has an expiry and that instant has passed.</summary>
internal static class ExpirySelection
{
    public static IReadOnlyList<TenantRecord> Expired(IEnumerable<TenantRecord> tenants, DateTimeOffset now) =>
        tenants.Where(t => IsExpired(t, now)).OrderBy(t => t.ExpiresAt).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

    public static bool IsExpired(TenantRecord tenant, DateTimeOffset now) => tenant.ExpiresAt is { } at && at <= now;
}
