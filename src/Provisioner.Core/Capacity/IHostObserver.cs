namespace Provisioner.Core.Capacity;

/// <summary>Reads a host's capacity and its tenants' enforced limits (and usage) from where they run (an engine, a cluster).</summary>
public interface IHostObserver
{
    /// <summary>The host's name as recorded on tenants (e.g. "local").</summary>
    string Host { get; }

    Task<HostObservation> ObserveAsync(bool measureUsage, CancellationToken ct);
}
