namespace Provisioner.Core.Templates.Journeys;

/// <summary>A customer journey: requests against the tenant's entry, in order, each building on what earlier ones captured.</summary>
public sealed record JourneySpec(string Name, IReadOnlyList<JourneyStep> Steps);
