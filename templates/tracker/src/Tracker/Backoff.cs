namespace Tracker;

/// <summary>Reconnect delays: 0.5 s doubling up to 10 s, back to the start after a success.</summary>
internal sealed class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    private TimeSpan next = First;

    public TimeSpan Next()
    {
        var delay = next;
        next = TimeSpan.FromTicks(Math.Min(next.Ticks * 2, Longest.Ticks));
        return delay;
    }

    public void Reset() => next = First;
}
