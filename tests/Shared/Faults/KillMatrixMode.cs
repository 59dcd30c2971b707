namespace Provisioner.Tests.Faults;

/// <summary>
/// Which boundaries are killed: every one when <c>PROVISIONER_SOAK=1</c> (<c>make soak</c>), else the few the short
/// variant in <c>make test</c> names (its budget is about two minutes).
/// </summary>
internal static class KillMatrixMode
{
    public static bool Full => Environment.GetEnvironmentVariable("PROVISIONER_SOAK") == "1";

    /// <summary>Every boundary 1..count in full mode; else the given ones that exist (negative counts from the end).</summary>
    public static IReadOnlyList<int> Select(int count, params int[] shortPicks) =>
        Full
            ? Enumerable.Range(1, count).ToList()
            : shortPicks.Select(p => p < 0 ? count + 1 + p : p).Where(n => n >= 1 && n <= count).Distinct().Order().ToList();
}
