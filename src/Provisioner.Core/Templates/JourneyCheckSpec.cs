namespace Provisioner.Core.Templates;

/// <summary>A named synthetic customer journey (e.g. notes-roundtrip: write a note, read it back).</summary>
public sealed record JourneyCheckSpec(string Component, string Journey) : HealthCheckSpec(Component)
{
    public override string Name => $"{Component}:journey {Journey}";
}
