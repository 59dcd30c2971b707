namespace Provisioner.Core.Lifecycle;

/// <summary>
/// One tenant <c>provision expire</c> found expired: removed (with its data), would be removed (dry run), skipped (its expiry
/// changed meanwhile) or failed (<see cref="Error"/>; the next run tries again).
/// </summary>
public sealed record ExpiredTenant(string Tenant, string Template, DateTimeOffset ExpiresAt, string Outcome, string? Error = null)
{
    public const string Removed = "removed";
    public const string WouldRemove = "would-remove";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
