using System.Runtime.InteropServices;

namespace Provisioner.Cli.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM, handled by the process from its start rather than by System.CommandLine once a command's
/// action has returned its task (a window in which a signal went to the default handler, and a CI run saw a
/// <c>check --watch</c> not end after SIGINT). The first signal cancels <see cref="Token"/> (on a thread-pool thread, so
/// no command code runs on the runtime's signal thread) and the command winds down, recording "cancelled" where it
/// journals; if it has not ended after the grace period, the process exits with 130 (SIGINT) or 143 (SIGTERM). A second
/// signal is not held back: the process ends at once, as without a handler.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _grace;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _received;

    public StopSignals(TimeSpan grace)
    {
        _grace = grace;
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            return;   // the second: default handling ends the process now
        }

        context.Cancel = true;
        var exitCode = context.Signal == PosixSignal.SIGINT ? 130 : 143;
        ThreadPool.UnsafeQueueUserWorkItem(_ => _stop.Cancel(), null);
        _ = Task.Delay(_grace).ContinueWith(_ => Environment.Exit(exitCode), TaskScheduler.Default);
    }
}
