namespace Provisioner.Core.Health;

/// <summary>The outcome of a health gate or a one-off check: every check's last result, attempts and time taken.</summary>
public sealed record HealthReport(bool Passed, IReadOnlyList<CheckOutcome> Checks, int Attempts, TimeSpan Elapsed, string? Failure)
{
    /// <summary>The first check that did not pass, if any.</summary>
    public CheckOutcome? FailingCheck => Checks.FirstOrDefault(c => c.Status == CheckStatus.Failed);
}
