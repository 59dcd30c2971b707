namespace Provisioner.Registry;

/// <summary>
/// Both stores keep time in UTC to the microsecond (PostgreSQL's precision), so a registry moved from one store to the
/// other reads back exactly the same.
/// </summary>
internal static class RegistryTime
{
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset Now(TimeProvider? time = null) => Normalize((time ?? TimeProvider.System).GetUtcNow());

    /// <summary>SQLite's text form: ISO 8601 round-trip, UTC (sorts as time does).</summary>
    public static string Text(DateTimeOffset at) => Normalize(at).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
