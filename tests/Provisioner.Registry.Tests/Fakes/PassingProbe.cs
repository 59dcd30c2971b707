using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Registry.Tests.Fakes;

/// <summary>Every check passes at once (the backend is a fake; the registry is what is under test).</summary>
internal sealed class PassingProbe : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => true;

    public Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct) => Task.FromResult(ProbeResult.Pass("ok", TimeSpan.Zero));
}
