using System.Globalization;

namespace Provisioner.Cli.Rendering;

/// <summary>How <c>provision list</c> shows an expiry: <c>3h 59m left</c>, <c>expired 5m ago</c>, or <c>-</c> for none.</summary>
internal static class TimeLeft
{
    public static string Text(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } at)
        {
            return "-";
        }

        var left = at - now;
        return left > TimeSpan.Zero ? $"{Span(left)} left" : $"expired {Span(-left)} ago";
    }

    public static string Span(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes}m"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalSeconds)}s"),
    };
}
