using System.Globalization;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Maintenance;

/// <summary>Reads <c>DAYS HH:MM-HH:MM ZONE</c>: <c>Sun 02:00-04:00 UTC</c>, <c>Mon-Fri 22:00-02:00 Europe/Berlin</c>, <c>daily 01:00-03:00 UTC</c>.</summary>
internal static class MaintenanceWindowParser
{
    public const string Form =
        "expected DAYS HH:MM-HH:MM ZONE, e.g. \"Sun 02:00-04:00 UTC\", \"Mon-Fri 22:00-02:00 Europe/Berlin\", \"Sat,Sun 01:00-05:00 UTC\" or \"daily 03:00-04:00 UTC\"";

    public static MaintenanceWindow Parse(string text)
    {
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            throw Bad(text, parts.Length == 2 ? "no time zone" : "not three parts");
        }

        var days = WindowDays.Parse(parts[0]) ?? throw Bad(text, $"'{parts[0]}' is not a day, a list or range of days, or daily");
        var times = parts[1].Split('-');
        if (times.Length != 2 || Time(times[0]) is not { } start || Time(times[1]) is not { } end || start.Hour == 24)
        {
            throw Bad(text, $"'{parts[1]}' is not a time range HH:MM-HH:MM");
        }

        if (start == end)
        {
            throw Bad(text, $"'{parts[1]}' is empty (it opens and closes at the same time)");
        }

        var zone = Zone(parts[2]) ?? throw new BadInputException(
            $"maintenance window '{text}': time zone '{parts[2]}' is not known on this machine",
            "use UTC, or an IANA name such as Europe/Berlin that /usr/share/zoneinfo has; install tzdata if it has none");
        return new MaintenanceWindow(days, new TimeOnly(start.Hour % 24, start.Minute), new TimeOnly(end.Hour % 24, end.Minute), end.Hour == 24, zone);
    }

    private static (int Hour, int Minute)? Time(string text)
    {
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return text == "24:00" ? (24, 0) : null;
        }

        return (time.Hour, time.Minute);
    }

    private static TimeZoneInfo? Zone(string id)
    {
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("Z", StringComparison.Ordinal) || id.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static BadInputException Bad(string? text, string why) => new($"maintenance window '{text}' is malformed ({why})", Form);
}
