using System.Globalization;

namespace Tracker;

/// <summary>
/// A fault switch for upgrade tests, read only by <c>tracker worker</c>: <c>TRACKER_WORKER_CRASH_AFTER_SECONDS=N</c>
/// makes the worker exit with <see cref="ExitCode"/> N seconds after it processed its first item. Off unless set.
/// </summary>
internal static class WorkerCrashSwitch
{
    public const string Variable = "TRACKER_WORKER_CRASH_AFTER_SECONDS";
    public const int ExitCode = 3;

    public static TimeSpan? FromEnvironment()
    {
        var raw = TrackerSettings.Optional(Variable);
        if (raw is null)
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{Variable}: '{raw}' is not a whole number of seconds (1 or more)");
    }
}
