using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>Runs a named synthetic customer journey against the tenant's endpoint.</summary>
public sealed class JourneyProbe(HttpClient http, IEnumerable<IJourney> journeys, TimeProvider time) : IHealthProbe
{
    private readonly Dictionary<string, IJourney> _journeys = journeys.ToDictionary(j => j.Name);

    public bool CanProbe(HealthCheckSpec check) => check is JourneyCheckSpec;

    public async Task<ProbeResult> ProbeAsync(HealthCheckSpec check, ProbeTarget target, CancellationToken ct)
    {
        var spec = (JourneyCheckSpec)check;
        var start = time.GetTimestamp();
        if (target.Endpoint is null)
        {
            return ProbeResult.Fail("the tenant has no endpoint", TimeSpan.Zero);
        }

        if (!_journeys.TryGetValue(spec.Journey, out var journey))
        {
            return ProbeResult.Fail($"unknown journey '{spec.Journey}'", TimeSpan.Zero);
        }

        try
        {
            var output = await journey.RunAsync(http, target.Endpoint, ct);
            return ProbeResult.Pass(output, time.GetElapsedTime(start));
        }
        catch (Exception e) when (e is JourneyFailedException or HttpRequestException or System.Text.Json.JsonException
                                      or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ProbeResult.Fail(e.Message, time.GetElapsedTime(start));
        }
    }
}
