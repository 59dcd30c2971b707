namespace Provisioner.Core.Upgrades;

/// <summary>A tenant a fleet upgrade leaves alone, and why (pinned, already current, not healthy...).</summary>
public sealed record ExcludedTenant(string Tenant, string Version, string Reason);
