using Microsoft.Extensions.Time.Testing;

namespace Provisioner.Core.Tests.Fakes;

/// <summary>
/// Moves a fake clock forward while work waits on it (retry delays, deadlines, a monitor window): the waits pass in fake
/// time, with no real sleep.
/// </summary>
internal static class ClockDriver
{
    /// <summary>How long the driver lets work that left the clock's thread (a cancelled delay resumes on the thread pool) post back before it moves the clock.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Moves the clock one step per turn of the scheduler until the work (already started) ends. The work's continuations
    /// run beside the steps, so on a busy machine a deadline can pass before the work looked again: prefer <see cref="RunAsync{T}"/>.
    /// </summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> work, TimeSpan step, int maxSteps = 100_000)
    {
        for (var i = 0; !work.IsCompleted; i++)
        {
            if (i == maxSteps)
            {
                throw new TimeoutException($"the work still waits after {maxSteps} steps of {step} on the fake clock");
            }

            time.Advance(step);
            await Task.Yield();
        }

        return await work;
    }

    /// <summary>
    /// Starts the work on a thread of its own under a <see cref="DriverContext"/> and moves the clock one step at a time
    /// until it ends, only while the work waits: its continuations run on that thread between two steps (never beside a
    /// step), so a deadline passes only when the work is really waiting for it, however busy the machine.
    /// </summary>
    public static Task<T> RunAsync<T>(this FakeTimeProvider time, Func<Task<T>> work, TimeSpan step, int maxSteps = 10_000) =>
        Task.Factory.StartNew(() => Pump(time, work, step, maxSteps), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static T Pump<T>(FakeTimeProvider time, Func<Task<T>> work, TimeSpan step, int maxSteps)
    {
        var context = new DriverContext();
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            var task = work();
            for (var steps = 0; !task.IsCompleted;)
            {
                if (context.RunOne(Settle) || task.IsCompleted)
                {
                    continue;
                }

                if (steps++ == maxSteps)
                {
                    throw new TimeoutException($"the work still waits after {maxSteps} steps of {step} on the fake clock");
                }

                time.Advance(step);
            }

            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }
}
