namespace Provisioner.Core.Templates;

/// <summary>A customer journey declared in the template's <c>journeys:</c> (a sequence of requests against the tenant's entry).</summary>
public sealed record JourneyCheckSpec(string Component, string Journey) : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:journey {Journey}";

    public override bool Writes => true;
}
