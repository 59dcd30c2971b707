namespace Provisioner.Core.Upgrades;

/// <summary>A wave of a fleet upgrade: number 0 is the canary.</summary>
public sealed record FleetWave(int Number, IReadOnlyList<PlannedUpgrade> Tenants)
{
    public string Label => Number == 0 ? "canary" : $"wave {Number}";
}
