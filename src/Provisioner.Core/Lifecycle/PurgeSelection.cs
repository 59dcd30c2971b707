namespace Provisioner.Core.Lifecycle;

/// <summary>The rule of <c>provision purge</c> as a pure function: an offboarded set goes once its keep-until has passed, never before.</summary>
internal static class PurgeSelection
{
    public static IReadOnlyList<OffboardedSet> Due(IEnumerable<OffboardedSet> sets, DateTimeOffset now) =>
        sets.Where(s => s.Expired(now)).OrderBy(s => s.KeepUntil).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
}
