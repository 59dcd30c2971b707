namespace Provisioner.Core.Backends;

/// <summary>A backend that can stop one component and keep it, so a later apply restarts or replaces it (an upgrade stops writers for its backup).</summary>
public interface IComponentControl
{
    /// <summary>Stops one component (a missing one is not an error).</summary>
    Task StopComponentAsync(string tenant, string component, CancellationToken ct);
}
