namespace Provisioner.Core.Health;

/// <summary>One check's latest result in a health report. <see cref="Status"/> is passed, failed or not-run.</summary>
public sealed record CheckOutcome(string Name, string Status, string Output, TimeSpan Duration)
{
    public bool Passed => Status == CheckStatus.Passed;
}
