using System.Runtime.InteropServices;

namespace Tracker;

/// <summary><c>tracker worker</c>: runs the worker until SIGTERM/SIGINT (exit 0), or until the test fault switch fires (exit 3).</summary>
internal static class WorkerCommand
{
    public static async Task<int> RunAsync(TrackerSettings settings)
    {
        TimeSpan? crashAfter;
        try
        {
            crashAfter = WorkerCrashSwitch.FromEnvironment();
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"tracker: {e.Message}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var crash = new CancellationTokenSource();
        Action? processed = null;
        if (crashAfter is { } after)
        {
            // Counted from the first item processed, not from the start: an upgrade's gate files one (its journey), so the
            // crash comes after the gate however slowly the machine runs.
            Console.WriteLine($"{WorkerCrashSwitch.Variable}={after.TotalSeconds:0}: this worker exits with {WorkerCrashSwitch.ExitCode} {after.TotalSeconds:0} s after it processed its first item (test fault)");
            var armed = 0;
            processed = () =>
            {
                if (Interlocked.Exchange(ref armed, 1) == 0)
                {
                    crash.CancelAfter(after);
                }
            };
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, crash.Token);
        await using var dataSource = Database.Create(settings, "worker");
        var features = SchemaFeatures.Current;
        await new Worker(settings, dataSource, new ItemStore(dataSource, features), features, processed).RunAsync(either.Token).ConfigureAwait(false);

        if (crash.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            Console.Error.WriteLine($"worker: crashing on purpose ({WorkerCrashSwitch.Variable}), exit {WorkerCrashSwitch.ExitCode}");
            return WorkerCrashSwitch.ExitCode;
        }

        Console.WriteLine("worker: stopped");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;   // we stop ourselves, cleanly
            stop.Cancel();
        }
    }
}
