using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>
/// Runs one check once. Probes never retry or wait: retries, delays and deadlines come from <see cref="HealthGate"/>'s Polly pipeline.
/// A probe reports failures as results; it throws only when cancelled.
/// </summary>
public interface IHealthProbe
{
    bool CanProbe(HealthCheckSpec check);

    Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct);
}
