using System.Globalization;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Lifecycle;

/// <summary>How long something lives, as <c>--ttl 4h</c> and <c>--retain 30d</c> take it: a number and m, h, d or w.</summary>
public static class LifeSpan
{
    /// <summary>Parses <c>90m</c>, <c>4h</c>, <c>30d</c> or <c>2w</c>; anything else (or zero) is bad input naming <paramref name="option"/>.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        var t = text.Trim();
        var unit = t.Length == 0 ? ' ' : t[^1];
        var perUnit = unit switch
        {
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => TimeSpan.Zero,
        };
        if (perUnit == TimeSpan.Zero || !double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || count <= 0 || count > 100_000)
        {
            throw new BadInputException($"{option} '{text}' is not a duration", $"write it as a number and m, h, d or w, e.g. {option} 4h or {option} 30d");
        }

        return perUnit * count;
    }
}
