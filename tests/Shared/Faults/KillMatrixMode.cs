using System.Globalization;

namespace Provisioner.Tests.Faults;

/// <summary>
/// Which boundaries are killed: every one when <c>PROVISIONER_SOAK=1</c> (<c>make soak</c>), or only those listed in
/// <c>PROVISIONER_SOAK_BOUNDARIES</c> (e.g. <c>19,20,21</c>: to look at a few cells again); else the few the short variant
/// in <c>make test</c> names (its budget is about two minutes).
/// </summary>
internal static class KillMatrixMode
{
    public static bool Full => Environment.GetEnvironmentVariable("PROVISIONER_SOAK") == "1";

    /// <summary>How the boundaries were chosen, for the matrix's header: full, picked (listed) or short.</summary>
    public static string Name => !Full ? "short" : Listed is null ? "full" : "picked";

    private static string? Listed => Environment.GetEnvironmentVariable("PROVISIONER_SOAK_BOUNDARIES") is { Length: > 0 } listed ? listed : null;

    /// <summary>Every boundary 1..count (or the listed ones) in full mode; else the given ones that exist (negative counts from the end).</summary>
    public static IReadOnlyList<int> Select(int count, params int[] shortPicks)
    {
        var picks = !Full ? shortPicks
            : Listed is { } listed
                ? listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray()
                : Enumerable.Range(1, count).ToArray();
        return picks.Select(p => p < 0 ? count + 1 + p : p).Where(n => n >= 1 && n <= count).Distinct().Order().ToList();
    }
}
