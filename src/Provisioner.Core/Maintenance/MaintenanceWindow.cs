namespace Provisioner.Core.Maintenance;

/// <summary>
/// When a tenant may be changed by a fleet upgrade: on <see cref="Days"/>, from <see cref="Start"/> to <see cref="End"/>
/// in <see cref="TimeZone"/>'s local time. A window whose end is not after its start crosses midnight: it opens on one of
/// <see cref="Days"/> and closes the next day (<c>Fri 22:00-02:00</c> closes on Saturday). Made by <see cref="Parse"/>. Inert.
/// </summary>
public sealed record MaintenanceWindow(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End, bool EndsAtMidnight, TimeZoneInfo TimeZone)
{
    /// <summary>The canonical text, as stored and shown: <c>Mon-Fri 22:00-02:00 Europe/Berlin</c>, <c>daily 02:00-04:00 UTC</c>.</summary>
    public string Text => $"{WindowDays.Format(Days)} {Start:HH\\:mm}-{(EndsAtMidnight ? "24:00" : End.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture))} {TimeZone.Id}";

    /// <summary>Whether the window crosses midnight (closes the day after it opens).</summary>
    public bool CrossesMidnight => EndsAtMidnight || End <= Start;

    /// <summary>Parses <c>DAYS HH:MM-HH:MM ZONE</c>; a malformed window is a <see cref="Errors.BadInputException"/> saying what form is expected.</summary>
    public static MaintenanceWindow Parse(string text) => MaintenanceWindowParser.Parse(text);

    /// <summary>Whether the window is open at <paramref name="at"/> (opening included, closing excluded).</summary>
    public bool IsOpenAt(DateTimeOffset at) => OpenAt(at) is not null;

    /// <summary>The occurrence open at <paramref name="at"/>, if any: when it opened and when it closes (UTC).</summary>
    public (DateTimeOffset Opens, DateTimeOffset Closes)? OpenAt(DateTimeOffset at) =>
        Occurrences(at).Where(o => o.Opens <= at && at < o.Closes).Select(o => ((DateTimeOffset, DateTimeOffset)?)o).FirstOrDefault();

    /// <summary>
    /// When the window next opens after <paramref name="at"/> (UTC). When it is open at <paramref name="at"/>, that is the
    /// opening after the current one.
    /// </summary>
    public DateTimeOffset NextOpening(DateTimeOffset at) => Occurrences(at).Where(o => o.Opens > at).Min(o => o.Opens);

    /// <summary>Every occurrence that opens from the local day before <paramref name="at"/> to eight days after it.</summary>
    private IEnumerable<(DateTimeOffset Opens, DateTimeOffset Closes)> Occurrences(DateTimeOffset at)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);
        for (var day = today.AddDays(-1); day <= today.AddDays(8); day = day.AddDays(1))
        {
            if (!Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var opens = LocalTime.ToUtc(day.ToDateTime(Start), TimeZone);
            var closes = LocalTime.ToUtc((CrossesMidnight ? day.AddDays(1) : day).ToDateTime(EndsAtMidnight ? TimeOnly.MinValue : End), TimeZone);
            if (closes > opens)
            {
                yield return (opens, closes);
            }
        }
    }
}
