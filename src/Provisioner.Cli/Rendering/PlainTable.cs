namespace Provisioner.Cli.Rendering;

/// <summary>
/// A long table as plain aligned columns: Spectre's boxed table measures every cell of every row (0.7 s for the 10,000
/// rows of a fleet's upgrade plan), while these lines cost milliseconds and read the same in a pager or to grep.
/// </summary>
internal static class PlainTable
{
    /// <summary>From how many rows a table is written plain.</summary>
    public const int From = 200;

    public static void Write(CliOutput output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var widths = headers.Select((h, i) => rows.Aggregate(h.Length, (w, r) => Math.Max(w, (r[i] ?? "").Length))).ToArray();
        output.Line(Format(headers, widths));
        output.Line(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.Line(Format(row, widths));
        }
    }

    private static string Format(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c ?? "" : (c ?? "").PadRight(widths[i]))).TrimEnd();
}
