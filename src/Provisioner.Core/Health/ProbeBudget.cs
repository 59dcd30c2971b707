using Provisioner.Core.Templates;

namespace Provisioner.Core.Health;

/// <summary>
/// How long one run of a check may take. A plain check gets the probe timeout (<c>health.probeTimeout</c>); a journey
/// gets it for each of its requests plus every <c>within</c> its <c>until</c> steps declare, so a template's
/// "processed within 20s" is never cut short by the 5 s meant for one request.
/// </summary>
internal static class ProbeBudget
{
    public static TimeSpan For(HealthCheckSpec check, ProductTemplate template, TimeSpan probeTimeout)
    {
        if (check is not JourneyCheckSpec spec || !template.Journeys.TryGetValue(spec.Journey, out var journey))
        {
            return probeTimeout;
        }

        var waits = journey.Steps.Where(s => s.Until is not null).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Within);
        return probeTimeout * Math.Max(1, journey.Steps.Count) + waits;
    }
}
