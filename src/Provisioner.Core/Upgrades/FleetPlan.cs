namespace Provisioner.Core.Upgrades;

/// <summary>Which tenants a fleet upgrade touches, in which waves, and which it leaves alone. Inert.</summary>
public sealed record FleetPlan(string Product, string To, IReadOnlyList<FleetWave> Waves, IReadOnlyList<ExcludedTenant> Excluded, IReadOnlyList<string> Steps)
{
    public int TenantCount => Waves.Sum(w => w.Tenants.Count);
}
