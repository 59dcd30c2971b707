namespace Provisioner.Core.Upgrades;

/// <summary>One tenant in a fleet plan: its version now and the target.</summary>
public sealed record PlannedUpgrade(string Tenant, string From, string To);
