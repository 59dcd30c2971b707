using System.Globalization;
using System.Text;
using Provisioner.Core.Capacity;

namespace Provisioner.Cli.Rendering.Capacity;

/// <summary>How reservations grew: per host, the reserved share of allocatable CPU and memory over time, as inline SVG lines.</summary>
internal static class SvgHistory
{
    private const int Width = 640;
    private const int Height = 160;
    private const int Pad = 36;

    public static string Chart(HostCapacity host, IReadOnlyList<CapacitySnapshot> snapshots, CapacityOptions options)
    {
        var points = snapshots.Where(s => s.Host == host.Name).OrderBy(s => s.At).ToList();
        if (points.Count < 2)
        {
            return "<p class=\"muted\">Not enough history yet for a chart (each capacity run adds a snapshot).</p>";
        }

        var t0 = points[0].At;
        var span = Math.Max(1, (points[^1].At - t0).TotalSeconds);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"reservations of {Html.Encode(host.Name)} over time\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Pad}\" y=\"8\" width=\"{Width - Pad - 8}\" height=\"{Height - Pad - 8}\" fill=\"#f9fafb\" stroke=\"#d1d5db\"/>");
        foreach (var pct in new[] { 0, 50, 100 })
        {
            var y = Y(pct / 100.0);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{y + 4:0.#}\" class=\"axis\">{pct}%</text><line x1=\"{Pad}\" x2=\"{Width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e5e7eb\"/>");
        }

        Line(sb, points, t0, span, s => s.Reserved.Cpu / Math.Max(1e-9, s.Facts.Cpus * options.Allocatable(ResourceKind.Cpu)), "#3b82f6");
        Line(sb, points, t0, span, s => s.Reserved.Memory / Math.Max(1.0, s.Facts.MemoryBytes * options.Allocatable(ResourceKind.Memory)), "#a855f7");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Height - 8}\" class=\"axis\">{Html.Encode(Stamp(t0))}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 8}\" y=\"{Height - 8}\" class=\"axis\" text-anchor=\"end\">{Html.Encode(Stamp(points[^1].At))}</text>");
        sb.Append("</svg>");
        return sb.ToString();

        double Y(double share) => 8 + ((1 - Math.Clamp(share, 0, 1.2) / 1.2) * (Height - Pad - 8));

        void Line(StringBuilder b, List<CapacitySnapshot> ps, DateTimeOffset start, double seconds, Func<CapacitySnapshot, double> share, string colour)
        {
            var coords = ps.Select(s => $"{Pad + ((s.At - start).TotalSeconds / seconds * (Width - Pad - 8)):0.#},{Y(share(s)):0.#}");
            b.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', coords)}\"/>");
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
