using Provisioner.Core.Health;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Tests.Fakes;

/// <summary>Answers every health check from a rule (no network): passes while <paramref name="passes"/> says so.</summary>
internal sealed class ScriptedProbe(Func<bool> passes) : IHealthProbe
{
    public int Calls { get; private set; }

    public bool CanProbe(HealthCheckSpec check) => true;

    public Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        Calls++;
        return Task.FromResult(passes()
            ? ProbeResult.Pass($"{check.Name} ok", TimeSpan.Zero)
            : ProbeResult.Fail($"{check.Name}: 503 from {target.Endpoint}", TimeSpan.Zero));
    }
}
