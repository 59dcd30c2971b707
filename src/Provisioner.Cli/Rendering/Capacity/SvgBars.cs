using System.Globalization;
using System.Text;
using Provisioner.Core.Capacity;

namespace Provisioner.Cli.Rendering.Capacity;

/// <summary>
/// One host's resources as inline SVG bars: reserved (blue), free to sell (green), kept back by the reserve (grey),
/// overbooked (red), with actual use as an orange line inside. Scaled to the larger of total and allocatable.
/// </summary>
internal static class SvgBars
{
    private const int Label = 80;
    private const int Width = 420;
    private const int Row = 34;

    public static string Host(HostCapacity h)
    {
        var kinds = Enum.GetValues<ResourceKind>().Where(k => k != ResourceKind.Disk || h.DiskKnown).ToList();
        var sb = new StringBuilder();
        var height = (kinds.Count * Row) + 4;
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Label + Width + 340}\" height=\"{height}\" role=\"img\" aria-label=\"{Html.Encode(h.Name)} capacity\">");
        for (var i = 0; i < kinds.Count; i++)
        {
            Bar(sb, h, kinds[i], i * Row);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Bar(StringBuilder sb, HostCapacity h, ResourceKind kind, int y)
    {
        var total = h.Total.Get(kind);
        var allocatable = h.Allocatable.Get(kind);
        var reserved = h.Reserved.Get(kind);
        var scale = Math.Max(Math.Max(total, allocatable), Math.Max(reserved, 1e-9));
        double X(double v) => Label + (Math.Clamp(v / scale, 0, 1) * Width);
        var barY = y + 6;
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{barY + 15}\" class=\"lbl\">{Units.Name(kind)}</text>");
        Rect(sb, X(0), barY, X(scale) - X(0), "#e5e7eb", "kept back by the reserve");
        Rect(sb, X(0), barY, X(allocatable) - X(0), "#86efac", "free to sell");
        Rect(sb, X(0), barY, X(Math.Min(reserved, allocatable)) - X(0), "#3b82f6", "reserved by tenants");
        if (reserved > allocatable)
        {
            Rect(sb, X(allocatable), barY, X(reserved) - X(allocatable), "#ef4444", "overbooked");
        }

        if (h.Used is { } used)
        {
            var u = X(used.Get(kind));
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Label:0.#}\" y=\"{barY + 17}\" width=\"{Math.Max(1, u - Label):0.#}\" height=\"5\" fill=\"#f97316\"><title>used now</title></rect>");
        }

        var free = allocatable - reserved;
        var text = $"{Units.Format(kind, reserved)} reserved · {(free < 0 ? "overbooked by " + Units.Format(kind, -free) : Units.Format(kind, free) + " free")} of {Units.Format(kind, allocatable)}";
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label + Width + 8}\" y=\"{barY + 15}\" class=\"num\">{Html.Encode(text)}</text>");
    }

    private static void Rect(StringBuilder sb, double x, double y, double w, string fill, string title) =>
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, w):0.#}\" height=\"22\" fill=\"{fill}\"><title>{title}</title></rect>");
}
