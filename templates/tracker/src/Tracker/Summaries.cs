namespace Tracker;

/// <summary>What the worker computes for an item.</summary>
internal static class Summaries
{
    /// <summary>1.0.0: <c>"title: N bytes"</c> or <c>"title: no attachment"</c>; 2.0.0 (with words): <c>"title: N bytes, W words"</c>.</summary>
    public static string For(string title, Attachment? attachment, int? words)
    {
        var size = attachment is null ? "no attachment" : $"{attachment.Bytes} bytes";
        return words is { } count ? $"{title}: {size}, {count} words" : $"{title}: {size}";
    }

    /// <summary>Words of the title: runs of non-whitespace.</summary>
    public static int WordCount(string title) =>
        title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
