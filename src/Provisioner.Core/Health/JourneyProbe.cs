using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>Runs a journey the template declares (see <see cref="JourneyRunner"/>) against the tenant's entry.</summary>
internal sealed class JourneyProbe(JourneyRunner runner, TimeProvider time) : IHealthProbe
{
    public bool CanProbe(HealthCheckSpec check) => check is JourneyCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (JourneyCheckSpec)check;
        var start = time.GetTimestamp();
        if (target.Endpoint is null)
        {
            return ProbeResult.Fail("the tenant has no endpoint", TimeSpan.Zero);
        }

        if (!target.Template.Journeys.TryGetValue(spec.Journey, out var journey))
        {
            return ProbeResult.Fail($"{target.Template.Ref} declares no journey '{spec.Journey}'", TimeSpan.Zero);
        }

        try
        {
            var output = await runner.RunAsync(journey, target.Endpoint, target.Tenant, ct);
            return ProbeResult.Pass(output, time.GetElapsedTime(start));
        }
        catch (Exception e) when (e is JourneyFailedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ProbeResult.Fail(e.Message, time.GetElapsedTime(start));
        }
    }
}
