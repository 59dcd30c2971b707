using System.Globalization;

namespace Provisioner.Core.Backups;

/// <summary>The retention rules as a pure function: which of a tenant's complete on-demand sets stay.</summary>
internal static class BackupRetention
{
    /// <summary>
    /// The ids of the sets <paramref name="policy"/> keeps (newest first); every other one may be deleted. Sets taken at the
    /// same instant are ordered by id, a longer one (a higher operation number) being newer.
    /// </summary>
    public static IReadOnlyList<string> Kept(IEnumerable<(string Id, DateTimeOffset TakenAt)> sets, RetentionPolicy policy)
    {
        var newestFirst = sets.OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id.Length).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
        var kept = new HashSet<string>(newestFirst.Take(policy.Keep).Select(s => s.Id), StringComparer.Ordinal);
        kept.UnionWith(NewestPer(newestFirst, s => s.TakenAt.UtcDateTime.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), policy.Daily));
        kept.UnionWith(NewestPer(newestFirst, s => Week(s.TakenAt), policy.Weekly));
        return newestFirst.Where(s => kept.Contains(s.Id)).Select(s => s.Id).ToList();
    }

    private static IEnumerable<string> NewestPer(IReadOnlyList<(string Id, DateTimeOffset TakenAt)> newestFirst, Func<(string Id, DateTimeOffset TakenAt), string> period, int count) =>
        newestFirst.GroupBy(period).Take(count).Select(g => g.First().Id);

    private static string Week(DateTimeOffset at)
    {
        var day = at.UtcDateTime;
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
    }
}
