using System.Collections.Concurrent;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// A synchronization context whose posted continuations wait in a queue until the thread that owns it runs them (see
/// <see cref="ClockDriver.RunAsync{T}"/>): code that awaits under it only ever resumes on that thread, between two moves of the clock.
/// </summary>
internal sealed class DriverContext : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _posted = [];

    public override void Post(SendOrPostCallback d, object? state) => _posted.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("the driven work only posts");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs one posted continuation, waiting up to <paramref name="wait"/> for one; false when none came.</summary>
    public bool RunOne(TimeSpan wait)
    {
        if (!_posted.TryTake(out var posted, wait))
        {
            return false;
        }

        posted.Callback(posted.State);
        return true;
    }
}
