using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests.Health;

/// <summary>A probe whose answers are scripted per check name (and, if asked, per target: its template version); counts its calls.</summary>
internal sealed class FakeProbe(Func<string, ProbeTarget, int, bool> passes) : IHealthProbe
{
    public FakeProbe(Func<string, int, bool> passes)
        : this((name, _, n) => passes(name, n))
    {
    }

    public Dictionary<string, int> Calls { get; } = [];

    public bool CanProbe(HealthCheckSpec check) => true;

    public Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var n = Calls[check.Name] = Calls.GetValueOrDefault(check.Name) + 1;
        return Task.FromResult(passes(check.Name, target, n) ? ProbeResult.Pass("ok", TimeSpan.Zero) : ProbeResult.Fail($"attempt {n} failed", TimeSpan.Zero));
    }
}
