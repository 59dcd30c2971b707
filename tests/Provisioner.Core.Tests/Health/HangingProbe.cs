using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Health;

/// <summary>A probe that never answers: it waits until its time is up (the gate cancels it), counting its calls.</summary>
internal sealed class HangingProbe : IHealthProbe
{
    public int Calls { get; private set; }

    public bool CanProbe(HealthCheckSpec check) => true;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        Calls++;
        await Task.Delay(Timeout.Infinite, ct);
        return ProbeResult.Pass("never", TimeSpan.Zero);
    }
}
