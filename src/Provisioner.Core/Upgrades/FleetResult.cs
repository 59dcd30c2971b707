namespace Provisioner.Core.Upgrades;

/// <summary>How a fleet upgrade ended: each targeted tenant's result, whether it halted and why.</summary>
public sealed record FleetResult(
    FleetPlan Plan, IReadOnlyList<TenantUpgradeResult> Tenants, bool Halted, string? HaltReason, long? Operation, bool Resumed, TimeSpan Duration)
{
    /// <summary>True only when every targeted tenant ended on the target version.</summary>
    public bool Succeeded => !Halted && Tenants.All(t => t.Succeeded) && !Plan.Excluded.Any(e => e.Blocking);

    public int Failures => Tenants.Count(t => t.IsFailure);
}
