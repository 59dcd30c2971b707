using System.Globalization;
using System.Text;
using Provisioner.Cli.Rendering.Capacity;
using Provisioner.Core.Checks;

namespace Provisioner.Cli.Rendering.Checks;

/// <summary>
/// A tenant's recent check results as a small inline SVG: the slowest check's latency of each run as a line (oldest on
/// the left), runs where the tenant was down marked with a red dot, unknown ones grey. Each point has a tooltip.
/// </summary>
internal static class SvgLatency
{
    private const int Width = 260;
    private const int Height = 56;
    private const int Pad = 6;

    public static string Chart(string tenant, IReadOnlyList<TenantCheck> newestFirst)
    {
        if (newestFirst.Count == 0)
        {
            return "<span class=\"muted\">no history yet</span>";
        }

        var runs = newestFirst.Reverse().ToList();
        var latencies = runs.Select(Latency).ToList();
        var max = Math.Max(1, latencies.Max());
        var step = runs.Count == 1 ? 0 : (Width - (2.0 * Pad)) / (runs.Count - 1);
        double X(int i) => runs.Count == 1 ? Width / 2.0 : Pad + (i * step);
        double Y(double ms) => Height - Pad - (ms / max * (Height - (3.0 * Pad) - 8));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"history\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"latency of the last {runs.Count} checks of {Html.Encode(tenant)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0.5\" y=\"0.5\" width=\"{Width - 1}\" height=\"{Height - 1}\" fill=\"#f9fafb\" stroke=\"#e5e7eb\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"12\" class=\"axis\">{max:0} ms</text>");
        var coords = string.Join(' ', latencies.Select((ms, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(ms):0.#}")));
        sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#3b82f6\" stroke-width=\"1.5\" points=\"{coords}\"/>");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            var (colour, radius, kind) = r.State switch
            {
                TenantCheckState.Up => ("#16a34a", 2.0, "ok"),
                TenantCheckState.Down => ("#dc2626", 4.0, "fail"),
                _ => ("#9ca3af", 3.0, "unknown"),
            };
            var tip = $"{r.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: {r.State}, slowest {latencies[i]:0} ms{(r.Reason is null ? "" : $" — {r.Reason}")}";
            sb.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"{kind}\" cx=\"{X(i):0.#}\" cy=\"{Y(latencies[i]):0.#}\" r=\"{radius:0.#}\" fill=\"{colour}\"><title>{Html.Encode(tip)}</title></circle>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static double Latency(TenantCheck r) => r.Slowest?.Duration.TotalMilliseconds ?? 0;
}
