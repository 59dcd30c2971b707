namespace Provisioner.Core.Health;

/// <summary>The outcome of one single-attempt probe: passed or not, what it saw, how long it took.</summary>
public sealed record ProbeResult(bool Passed, string Output, TimeSpan Duration)
{
    public static ProbeResult Pass(string output, TimeSpan duration) => new(true, output, duration);

    public static ProbeResult Fail(string output, TimeSpan duration) => new(false, output, duration);
}
