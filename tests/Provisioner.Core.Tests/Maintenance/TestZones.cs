namespace Provisioner.Core.Tests.Maintenance;

/// <summary>
/// Zones for window tests: the machine's own tz data when it has the zone, else a zone built here with the same rules for
/// 2026, so the daylight-saving tests run (and mean the same) on a machine without tz data.
/// </summary>
internal static class TestZones
{
    /// <summary>Central European time: UTC+1, UTC+2 from the last Sunday of March 02:00 to the last Sunday of October 03:00.</summary>
    public static TimeZoneInfo Berlin => Find("Europe/Berlin") ?? TimeZoneInfo.CreateCustomTimeZone(
        "Europe/Berlin", TimeSpan.FromHours(1), "Berlin", "CET", "CEST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    public static bool Has(string id) => Find(id) is not null;

    private static TimeZoneInfo? Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }
}
