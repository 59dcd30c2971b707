using System.Globalization;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// For tests only: <c>PROVISIONER_TEST_NOW</c> (an ISO 8601 instant) makes this run's clock start at that instant, so
/// <c>expire</c> and <c>purge</c> can be tried at a future time without waiting. Elapsed time still runs as the system's.
/// Not documented as configuration; unset, the system clock is used.
/// </summary>
internal sealed class TestClock(TimeSpan offset) : TimeProvider
{
    public const string Variable = "PROVISIONER_TEST_NOW";

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public static TimeProvider FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return System;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var now))
        {
            throw new BadInputException($"{Variable}='{text}' is not an instant", $"unset {Variable} (it is for tests), or give e.g. 2026-12-02T10:00Z");
        }

        return new TestClock(now - System.GetUtcNow());
    }
}
