using Provisioner.Core.Backups;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Tests.Backups;

/// <summary>The retention rules (keep the last N, the newest per day and per ISO week) as the pure function they are.</summary>
public sealed class BackupRetentionTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static (string Id, DateTimeOffset TakenAt) Set(string id, DateTimeOffset at) => (id, at);

    [Fact]
    public void Kept_FewerSetsThanKeep_KeepsAll()
    {
        var sets = new[] { Set("a", Monday), Set("b", Monday.AddHours(1)) };

        Assert.Equal(["b", "a"], BackupRetention.Kept(sets, new RetentionPolicy { Keep = 7, Daily = 0, Weekly = 0 }));
    }

    [Fact]
    public void Kept_OnlyKeep_KeepsTheNewestN()
    {
        var sets = Enumerable.Range(0, 10).Select(i => Set($"s{i}", Monday.AddMinutes(i))).ToList();

        Assert.Equal(["s9", "s8", "s7"], BackupRetention.Kept(sets, new RetentionPolicy { Keep = 3, Daily = 0, Weekly = 0 }));
    }

    [Fact]
    public void Kept_Daily_KeepsTheNewestOfEachOfTheLastDaysWithBackups()
    {
        // Three a day for five days: keep 1 (the newest), plus the newest of each of the last 3 days.
        var sets = Enumerable.Range(0, 5).SelectMany(d => Enumerable.Range(0, 3).Select(h => Set($"d{d}h{h}", Monday.AddDays(d).AddHours(h)))).ToList();

        var kept = BackupRetention.Kept(sets, new RetentionPolicy { Keep = 1, Daily = 3, Weekly = 0 });

        Assert.Equal(["d4h2", "d3h2", "d2h2"], kept);
    }

    [Fact]
    public void Kept_DaysWithoutBackups_DoNotCount()
    {
        var sets = new[] { Set("old", Monday.AddDays(-30)), Set("older", Monday.AddDays(-60)), Set("new", Monday) };

        Assert.Equal(["new", "old"], BackupRetention.Kept(sets, new RetentionPolicy { Keep = 1, Daily = 2, Weekly = 0 }));
    }

    [Fact]
    public void Kept_Weekly_KeepsTheNewestOfEachIsoWeek()
    {
        // One a day for 3 weeks starting on a Monday (ISO weeks 49, 50, 51 of 2026... and the Monday starts week 49).
        var sets = Enumerable.Range(0, 21).Select(d => Set($"day{d:00}", Monday.AddDays(d))).ToList();

        var kept = BackupRetention.Kept(sets, new RetentionPolicy { Keep = 1, Daily = 0, Weekly = 3 });

        Assert.Equal(["day20", "day13", "day06"], kept);
    }

    [Fact]
    public void Kept_RulesOverlap_EachSetOnceNewestFirst()
    {
        var sets = Enumerable.Range(0, 14).Select(d => Set($"day{d:00}", Monday.AddDays(d))).ToList();

        var kept = BackupRetention.Kept(sets, new RetentionPolicy { Keep = 2, Daily = 3, Weekly = 2 });

        Assert.Equal(["day13", "day12", "day11", "day06"], kept);
    }

    [Fact]
    public void Kept_SameTime_TieBrokenById()
    {
        var sets = new[] { Set("manual-9", Monday), Set("manual-10", Monday) };

        Assert.Equal(["manual-10"], BackupRetention.Kept(sets, new RetentionPolicy { Keep = 1, Daily = 0, Weekly = 0 }));
    }

    [Fact]
    public void Kept_DayBoundary_IsUtc()
    {
        var plusTwo = TimeSpan.FromHours(2);
        var sets = new[] { Set("late", new DateTimeOffset(2026, 12, 1, 1, 0, 0, plusTwo)), Set("early", new DateTimeOffset(2026, 12, 1, 0, 30, 0, plusTwo)) };

        // Both are on 30 November in UTC: one day, so the daily rule keeps only the newer one.
        Assert.Equal(["late"], BackupRetention.Kept(sets, new RetentionPolicy { Keep = 1, Daily = 5, Weekly = 0 }));
    }

    [Fact]
    public void Validate_KeepZeroAndNegativeDaily_BothReported()
    {
        var e = Assert.Throws<BadInputException>(() => new RetentionPolicy { Keep = 0, Daily = -1 }.Validate());

        Assert.Contains("backups.keep", e.Message);
        Assert.Contains("backups.daily", e.Message);
    }
}
