namespace Provisioner.Core.Maintenance;

/// <summary>Day names in windows: parsed from <c>Sun</c>, <c>sunday</c>, <c>Mon-Fri</c>, <c>Fri-Mon</c>, <c>Sat,Sun</c>, <c>daily</c>; written back compactly.</summary>
internal static class WindowDays
{
    /// <summary>Monday first, as people write weeks.</summary>
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Short(DayOfWeek day) => day.ToString()[..3];

    /// <summary>The days <paramref name="text"/> names, or null when it is not a day list.</summary>
    public static HashSet<DayOfWeek>? Parse(string text)
    {
        if (text.Equals("daily", StringComparison.OrdinalIgnoreCase) || text.Equals("every day", StringComparison.OrdinalIgnoreCase))
        {
            return [.. Week];
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || Day(ends[0]) is not { } first || Day(ends[^1]) is not { } last)
            {
                return null;
            }

            for (var i = Array.IndexOf(Week, first); ; i = (i + 1) % 7)
            {
                days.Add(Week[i]);
                if (Week[i] == last)
                {
                    break;
                }
            }
        }

        return days;
    }

    /// <summary><c>daily</c>, or runs in week order: <c>Mon-Fri</c>, <c>Sat,Sun</c>, <c>Mon,Wed-Fri</c>.</summary>
    public static string Format(IReadOnlySet<DayOfWeek> days)
    {
        if (days.Count == 7)
        {
            return "daily";
        }

        var runs = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            if (!days.Contains(Week[i]))
            {
                continue;
            }

            var j = i;
            while (j + 1 < 7 && days.Contains(Week[j + 1]))
            {
                j++;
            }

            runs.Add(j - i >= 2 ? $"{Short(Week[i])}-{Short(Week[j])}" : string.Join(',', Week[i..(j + 1)].Select(Short)));
            i = j;
        }

        return string.Join(',', runs);
    }

    private static DayOfWeek? Day(string name) =>
        name.Length >= 3 ? Week.Cast<DayOfWeek?>().FirstOrDefault(d => d!.Value.ToString().StartsWith(name, StringComparison.OrdinalIgnoreCase)) : null;
}
