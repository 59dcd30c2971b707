namespace Provisioner.Core.Maintenance;

/// <summary>Where the registry keeps the fleet's freeze: at most one, ended or not.</summary>
public interface IFleetFreezeStore
{
    /// <summary>The freeze last set and not lifted, whether or not its end has passed; null when there is none.</summary>
    Task<FleetFreeze?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the freeze, replacing any other.</summary>
    Task SetAsync(FleetFreeze freeze, CancellationToken cancellationToken = default);

    /// <summary>Lifts the freeze; true when there was one.</summary>
    Task<bool> ClearAsync(CancellationToken cancellationToken = default);
}
