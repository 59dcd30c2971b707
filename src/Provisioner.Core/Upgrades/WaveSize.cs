using System.Globalization;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Upgrades;

/// <summary>Parses <c>--wave-size</c>: a count (<c>3</c>) or a percentage of the targeted tenants (<c>25%</c>), always at least 1.</summary>
internal static class WaveSize
{
    public static int Resolve(string text, int targeted)
    {
        var t = text.Trim();
        var percent = t.EndsWith('%');
        var number = percent ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || (percent && value > 100) || (!percent && value != Math.Floor(value)))
        {
            throw new BadInputException($"--wave-size '{text}' must be a whole count of at least 1 or a percentage from 1% to 100%", "use e.g. --wave-size 3 or --wave-size 25%");
        }

        return Math.Max(1, percent ? (int)Math.Ceiling(targeted * value / 100) : (int)value);
    }
}
