using Provisioner.Core.Maintenance;

namespace Provisioner.Core.Tests.Maintenance;

/// <summary>"Is open at" and "next opening" against fixed instants (2026-12-06 is a Sunday).</summary>
public sealed class MaintenanceWindowTimeTests
{
    private static MaintenanceWindow InBerlin(string daysAndTimes) => MaintenanceWindow.Parse(daysAndTimes + " UTC") with { TimeZone = TestZones.Berlin };

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 59, false)]
    [InlineData(2, 0, true)]
    [InlineData(3, 59, true)]
    [InlineData(4, 0, false)]
    public void IsOpenAt_SundayWindow_OpensAtStartClosesAtEnd(int hour, int minute, bool open)
    {
        Assert.Equal(open, MaintenanceWindow.Parse("Sun 02:00-04:00 UTC").IsOpenAt(Utc(12, 6, hour, minute)));
    }

    [Fact]
    public void IsOpenAt_OtherDay_IsClosed()
    {
        Assert.False(MaintenanceWindow.Parse("Sun 02:00-04:00 UTC").IsOpenAt(Utc(12, 7, 3)));
    }

    [Fact]
    public void NextOpening_BeforeAndInsideAndAfter_IsTheNextStart()
    {
        var window = MaintenanceWindow.Parse("Sun 02:00-04:00 UTC");

        Assert.Equal(Utc(12, 6, 2), window.NextOpening(Utc(12, 1, 12)));     // Tuesday: this Sunday
        Assert.Equal(Utc(12, 13, 2), window.NextOpening(Utc(12, 6, 3)));     // open now: the one after
        Assert.Equal(Utc(12, 13, 2), window.NextOpening(Utc(12, 6, 4)));     // just closed: next week
        Assert.Equal((Utc(12, 6, 2), Utc(12, 6, 4)), window.OpenAt(Utc(12, 6, 3)));
    }

    [Fact]
    public void CrossingMidnight_OpensOnTheDayAndClosesTheNextDay()
    {
        var window = MaintenanceWindow.Parse("Fri 22:00-02:00 UTC");   // 2026-12-04 is a Friday

        Assert.True(window.CrossesMidnight);
        Assert.False(window.IsOpenAt(Utc(12, 4, 21, 59)));
        Assert.True(window.IsOpenAt(Utc(12, 4, 23)));
        Assert.True(window.IsOpenAt(Utc(12, 5, 1, 59)));                // Saturday morning: still Friday's window
        Assert.False(window.IsOpenAt(Utc(12, 5, 2)));
        Assert.False(window.IsOpenAt(Utc(12, 5, 23)));                  // Saturday night: no window opens on Saturday
        Assert.False(window.IsOpenAt(Utc(12, 4, 1)));                   // Friday morning: Thursday opened none
        Assert.Equal(Utc(12, 4, 22), window.NextOpening(Utc(12, 4, 1)));
        Assert.Equal((Utc(12, 4, 22), Utc(12, 5, 2)), window.OpenAt(Utc(12, 5, 1)));
    }

    [Fact]
    public void WeekdaysCrossingMidnight_MondayMorningIsClosedFridayNightIsOpen()
    {
        var window = MaintenanceWindow.Parse("Mon-Fri 22:00-02:00 UTC");   // 2026-12-07 is a Monday

        Assert.False(window.IsOpenAt(Utc(12, 7, 1)));                    // Sunday opened none
        Assert.True(window.IsOpenAt(Utc(12, 8, 1)));                     // Monday's, on Tuesday morning
        Assert.True(window.IsOpenAt(Utc(12, 12, 1)));                    // Friday's, on Saturday morning
        Assert.Equal(Utc(12, 7, 22), window.NextOpening(Utc(12, 5, 12))); // Saturday noon: Monday night
    }

    [Fact]
    public void WholeDay_EndingAt24_IsOpenAllThatDay()
    {
        var window = MaintenanceWindow.Parse("Sun 00:00-24:00 UTC");

        Assert.True(window.IsOpenAt(Utc(12, 6, 0)));
        Assert.True(window.IsOpenAt(Utc(12, 6, 23, 59)));
        Assert.False(window.IsOpenAt(Utc(12, 7, 0)));
    }

    [Fact]
    public void TimeZone_WindowIsLocalTime()
    {
        var window = InBerlin("Sun 02:00-04:00");   // December: UTC+1

        Assert.True(window.IsOpenAt(Utc(12, 6, 1)));
        Assert.False(window.IsOpenAt(Utc(12, 6, 3)));
        Assert.Equal(Utc(12, 6, 1), window.NextOpening(Utc(12, 1, 0)));
    }

    [Fact]
    public void TimeZone_LocalDayDiffersFromUtcDay()
    {
        var plus13 = TimeZoneInfo.CreateCustomTimeZone("Test/UTC+13", TimeSpan.FromHours(13), "UTC+13", "UTC+13");
        var window = MaintenanceWindow.Parse("Mon 01:00-03:00 UTC") with { TimeZone = plus13 };  // Monday 01:00 there is Sunday 12:00 UTC

        Assert.True(window.IsOpenAt(Utc(12, 6, 13)));
        Assert.Equal(Utc(12, 6, 12), window.NextOpening(Utc(12, 6, 0)));
    }

    [Fact]
    public void Dst_SpringForward_SkippedStartOpensWhenTheClocksJump()
    {
        // 2026-03-29 (Sunday): Berlin's clocks jump from 02:00 to 03:00 (01:00 UTC); 02:30 does not exist that night.
        var window = InBerlin("Sun 02:30-04:00");

        Assert.Equal(Utc(3, 29, 1), window.NextOpening(Utc(3, 28, 12)));   // 03:00 CEST
        Assert.True(window.IsOpenAt(Utc(3, 29, 1, 30)));
        Assert.False(window.IsOpenAt(Utc(3, 29, 2)));                      // 04:00 CEST: closed
        Assert.Equal(Utc(4, 5, 0, 30), window.NextOpening(Utc(3, 29, 3))); // a week later, 02:30 CEST
    }

    [Fact]
    public void Dst_FallBack_RepeatedStartOpensAtTheFirstOccurrence()
    {
        // 2026-10-25 (Sunday): Berlin's clocks go back from 03:00 to 02:00 (01:00 UTC); 02:30 happens twice.
        var window = InBerlin("Sun 02:30-04:00");

        Assert.Equal(Utc(10, 25, 0, 30), window.NextOpening(Utc(10, 24, 12)));  // 02:30 CEST, the first one
        Assert.True(window.IsOpenAt(Utc(10, 25, 2, 30)));                        // 03:30 CET: still open (2.5 h that night)
        Assert.False(window.IsOpenAt(Utc(10, 25, 3)));                           // 04:00 CET
    }
}
