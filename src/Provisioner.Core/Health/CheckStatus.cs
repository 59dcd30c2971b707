namespace Provisioner.Core.Health;

/// <summary>The states of one check in a health report.</summary>
public static class CheckStatus
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string NotRun = "not-run";
}
