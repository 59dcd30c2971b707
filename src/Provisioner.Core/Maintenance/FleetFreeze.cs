namespace Provisioner.Core.Maintenance;

/// <summary>
/// A fleet-wide freeze (<c>provision freeze</c>): no change to any tenant until <see cref="Until"/> unless forced. It ends by
/// itself at <see cref="Until"/> or with <c>provision unfreeze</c>. Inert.
/// </summary>
public sealed record FleetFreeze(DateTimeOffset Until, string Reason, string SetBy, DateTimeOffset SetAt)
{
    /// <summary>Whether the freeze still holds at <paramref name="at"/>.</summary>
    public bool IsActiveAt(DateTimeOffset at) => at < Until;
}
